// The help pages in Chinese, shown when LC_ALL, LC_MESSAGES or LANG asks for
// Chinese (help.ts has the English ones; a test keeps the commands, options
// and examples of both the same). Commands, options and file names stay as typed.

export const EXIT_CODES_HELP_ZH = `退出码：
  0  成功（release：已写入，或无变化）
  1  数据无效：每个问题列为 文件:行:列: 原因
  2  用法错误：未知命令或选项，MONTH 或 --today 格式错误，该月没有数据
  3  发布冲突或读写错误：不会留下写了一半的文件
  4  已发布的版本与其 manifest 或 chain.json 不符（有文件被改动或删除）：
     不写入任何文件
  130  sensitivity 被 Ctrl-C 取消：不写入任何文件`;

export const MAIN_HELP_ZH = `pingan — 校验、计算并发布平安指数（the safety index）

用法：
  pingan validate [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--strict] [--json]
  pingan verify [--data DIR] [--out DIR] [--head HASH] [--start-chain] [--json]
  pingan compute [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--json]
  pingan release (MONTH | --all) [--data DIR] [--framework FILE] [--out DIR] [--today YYYY-MM-DD] [--strict] [--json] [--progress]
  pingan sensitivity [--data DIR] [--framework FILE] [--out DIR] [--n N] [--sobol-n N] [--bootstrap B]
                     [--seed S] [--settings FILE.json] [--today YYYY-MM-DD] [--json] [--progress]
  pingan warnings [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--near N] [--json]
  pingan help [COMMAND]      pingan COMMAND --help      pingan --version

示例：
  pingan validate --data data                检查 ./data 中的每个文件
  pingan compute 2025-10                     显示 2025 年 10 月的指数
  pingan release --all --today 2025-11-15    发布每个月，发布日期为 2025-11-15
  pingan verify                              核对已发布的版本
  LANG=en_US.UTF-8 pingan --help             英文帮助（English help）

命令：
  validate   检查每个输入文件，一次列出全部问题和数据质量警告
             （--strict 时警告也算问题）；不写入任何文件
  verify     按 manifest 和 chain.json 核对每个已发布版本的每个文件
  compute    校验后计算并显示一个月（默认：最近一个月）
  release    校验后写入不可更改的发布版本：OUT/MONTH/rN/，含 release.json、
             release.csv（带 BOM 的 UTF-8，CRLF 换行）、inputs.csv 和 manifest.json
  sensitivity  校验后在工作线程中对所有月份做指数的不确定性分析和 Sobol' 敏感性
             分析；写入 OUT/uncertainty.csv、OUT/sensitivity.csv 和 OUT/sensitivity.json
  warnings   校验后显示某月失控的指标（预警）：各地区各计数指标相对其自身历史的控制图

--framework FILE 使用该指标体系文件（例如从工作台导出的文件），而不是
DIR/framework/*.json；其中的问题报告为 FILE: PATH: REASON。

数据目录（默认 "data"）包含 framework/*.json（一个指标体系）、regions.csv、
population.csv 和 input/*.csv（UTF-8，可带 BOM，或 GB18030；中文或英文表头），
以及 publication.json（指数的时区、调查安排、数据质量检查的阈值）。

按季度发布的指数：publication.json 写明 "periods": "quarterly" 时，MONTH 是季度
YYYY-Qn（例如 2025-Q3），输入文件的期间列表头为"季度"或 quarter，发布版本写入
OUT/YYYY-Qn/rN/，环比为较上季度，同比为较上年同季。

${EXIT_CODES_HELP_ZH}
`;

const WARNINGS_HELP_ZH = `pingan warnings [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--near N] [--json]

校验数据后，显示 MONTH（默认：有数据的最近一个月）失控的指标：对每个地区的每个
计数指标，用控制图把该月的计数与本地区前三年同一月份比较（考虑季节性），并考虑
该指标自身的过度离散。控制图超过界限期间，指标一直留在列表中；"新" 标出越过界限
的那个月。控制图是各月正态分数的单侧 EWMA（λ = 0.2），表示"比平常差"；受控时的
平均运行长度为 500 个月（每张图约 42 年至多一次误报；计数的控制图偏保守，实际误报
更少）。一张图需要 MONTH 之前 36 个月的历史。随后列出仍受控、EWMA 最接近
控制界限的 N 张控制图（默认 5 张；--near 0 不列出），即值得留意的指标。不写入任何文件。
按季度发布的指数（publication.json "periods": "quarterly"）中 MONTH 是季度
YYYY-Qn，与前三年的同一季度比较；控制图需要 12 个季度的历史，运行长度以季度计。

示例：
  pingan warnings                            最近一个月的预警
  pingan warnings 2025-10 --json             2025 年 10 月的预警，JSON 格式
  pingan warnings 2025-10 --near 10          并列出最接近界限的 10 张控制图
  pingan warnings 2025-Q3                    按季度发布的指数 2025 年第三季度的预警

选项：
  --data DIR          数据目录（默认：data）
  --framework FILE    使用该指标体系文件，而不是 DIR/framework/*.json
  --today YYYY-MM-DD  判断月份是否已结束所依据的日期（默认：今天）
  --near N            列出仍受控、最接近界限的 N 张控制图（默认 5）
  --json              输出 {ok, month, chart, charted, history, firstCharted, warnings: [{region, indicator, observed,
                      expected, ewma, limit, newAlarm}], near: [{region, indicator, observed, expected, ewma, limit,
                      share}]}（share：EWMA / 界限；history：控制图所需历史期数；firstCharted：第一个有控制图的时期，
                      此前 charted 为 0）

退出码：0 成功（有无预警都是）；1 数据无效；2 用法错误。
`;

export const COMMAND_HELP_ZH: Readonly<Record<string, string>> = {
  warnings: WARNINGS_HELP_ZH,
  validate: `pingan validate [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--strict] [--json]

读取 DIR（默认 "data"），一次报告全部问题，每个问题写作 文件:行:列: 原因
（列是 CSV 字段的序号）：未知的地区和指标，重复的行（文件内和文件间，两处都
指明），负数、小数或非数字的计数，超出 0–100 的比例，格式错误的月份，首尾之间
缺少的月份，按 --today（默认：publication.json 所定时区的今天）尚未结束的月份，
缺少人口数的年份，无法解码、编码有歧义或空的文件，缺少或未知的列，某地区某指标
某月缺少的行，不在调查安排中的调查值，input/ 中未读取的文件，有效数字超过 15 位
的数值，以及范围内无法计算的月份。每次发布前都运行同样的检查，因此通过校验的
数据就能发布。数据质量警告（合计与各部分之和不符、远离自身序列的数值、像是
小数形式的比例、不合理的人口数、指标体系的权重）列为
"warning: 文件:行:列: 原因"；--strict 时它们算作问题。它还会说明 release --all
在 DIR/releases 中会发现什么：未通过核验的发布版本（问题；退出码 4）、数据已不能
计算指数的已发布月份（将被撤回）、发布后输入已有改动的月份（将被修订）；后两者
为警告。不写入任何文件。

示例：
  pingan validate                            检查 ./data
  pingan validate --data ../shifan --strict  警告也算作问题
  pingan validate --json > problems.json     以 JSON 输出全部问题，供脚本使用

选项：
  --data DIR          数据目录（默认：data）
  --framework FILE    使用该指标体系文件，而不是 DIR/framework/*.json
  --today YYYY-MM-DD  判断月份是否已结束所依据的日期（默认：指数所在时区的今天）
  --strict            数据质量警告算作问题（退出码 1）
  --json              输出 {ok, problems: [{file, line, column, value, reason, message}], warnings, …}

${EXIT_CODES_HELP_ZH}
`,
  compute: `pingan compute [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--json]

校验数据后，用 MONTH−23 到 MONTH 的数据计算 MONTH（YYYY-MM；默认：有数据的
最近一个月），显示每个地区的指数和等级、分项指数以及环比和同比变化。不写入
任何文件。

示例：
  pingan compute                             最近一个月
  pingan compute 2025-10 --data ../shifan    另一个数据目录的 2025 年 10 月
  pingan compute 2025-10 --json              按 release.json 的格式输出该月

选项：
  --data DIR          数据目录（默认：data）
  --framework FILE    使用该指标体系文件，而不是 DIR/framework/*.json
  --today YYYY-MM-DD  判断月份是否已结束所依据的日期（默认：今天）
  --json              按 release.json 的格式输出该月，含来源信息（provenance）

${EXIT_CODES_HELP_ZH}
`,
  release: `pingan release (MONTH | --all) [--data DIR] [--framework FILE] [--out DIR] [--today YYYY-MM-DD] [--strict] [--json] [--progress]

校验数据（与 validate 相同的检查），删除中断运行留下的临时文件夹，按 manifest
和 OUT/chain.json 核对已发布的版本（有不符时退出码 4），然后为 MONTH（或用
--all 为从第一个窗口完整的月份到最后一个月的每个月）写入 OUT/MONTH/rN/
（release.json、release.csv、inputs.csv、manifest.json）和
OUT/MONTH/revisions.json，并把每个版本加入 OUT/chain.json。第一个完整窗口之前的
月份列为跳过；使用 --all 时，数据已无法计算的已发布月份会被撤回
（OUT/MONTH/withdrawn.json，也写入链中）。发布所读月份的警告写入其 release.json
的 "notes"。发布版本不可更改：最新版本由相同输入计算时不写入任何文件（"无变化"）；
否则在旁边写入新版本 rN+1，revisions.json 列出改动的输入单元格。每个版本先在 OUT
内的临时目录中生成，再重命名到位。manifest 的日期是 --today，因此运行结果可重现。

示例：
  pingan release 2025-10 --today 2025-11-15  发布 2025 年 10 月，发布日期 2025-11-15
  pingan release --all --out site-releases   发布每个月，写入 ./site-releases
  pingan release --all --strict --json       有任何数据质量警告即停止；JSON 报告

选项：
  --all               发布每个有指数的月份
  --data DIR          数据目录（默认：data）
  --framework FILE    使用该指标体系文件，而不是 DIR/framework/*.json
  --out DIR           发布目录（默认：DIR/releases）
  --today YYYY-MM-DD  发布日期，也是判断月份是否已结束所依据的日期（默认：指数所在时区的今天）
  --strict            数据质量警告算作问题：不发布任何版本
  --json              输出 {ok, outDir, removed, repaired, warnings, releases: [{month, status, revision, path, changes}]}
  --progress          即使 stderr 不是终端也显示进度

${EXIT_CODES_HELP_ZH}
`,
  verify: `pingan verify [--data DIR] [--out DIR] [--head HASH] [--start-chain] [--json]

只读地检查发布文件夹 OUT（默认 DIR/releases）：每个版本的文件与其 manifest.json
中的 SHA-256 是否一致，每个 manifest 和撤回记录与 OUT/chain.json 是否一致（每一项
记录前一项的哈希），每个 revisions.json 与其 manifest 是否一致，以及文件夹中有无
链中没有的内容。每个问题写作 OUT/PATH: REASON，退出码 4。链的末尾被截去（连同
最后几项的文件一起删除）时，链本身仍能通过检查：用 --head 给出此前公布的链头
（网站的数据下载页载有），检查链中是否仍有它。

示例：
  pingan verify                              检查 data/releases
  pingan verify --out /srv/pingan/releases   检查一份已发布的副本
  pingan verify --head 3f2a…                 并检查链中仍有此前公布的链头

选项：
  --data DIR          数据目录（默认：data）
  --out DIR           发布文件夹（默认：DIR/releases）
  --head HASH         此前公布的链头：链中必须仍有它
  --start-chain       用于链出现之前发布的文件夹：按 manifest 检查每个文件，然后
                      写入 chain.json（只能一次）
  --json              输出 {ok, outDir, months, revisions, withdrawn, chainHead, problems}

${EXIT_CODES_HELP_ZH}
`,
  sensitivity: `pingan sensitivity [--data DIR] [--framework FILE] [--out DIR] [--n N] [--sobol-n N]
                   [--bootstrap B] [--seed S] [--settings FILE.json] [--today YYYY-MM-DD] [--json] [--progress]

校验数据（数据无效时退出码 1），然后在工作线程中对所有月份和地区运行：
  1. 蒙特卡洛不确定性分析：N 次运行（默认 200），每次为每项设置抽取一个备选，
     重建指数并在每个月内给地区排名；
  2. 平均绝对名次变化对每项设置的 Sobol' 敏感性：Saltelli 设计，基础样本量
     --sobol-n（默认 128；k 项设置共 N × (k + 2) 次运行），Jansen 估计量，
     --bootstrap 次重抽样（默认 100）给出 95% 区间。
默认设置：
  weights        100 组带噪声的权重：第 1、2 层（指标和一级分组）的每个权重乘以
                 1 + 0.25·U(−1, 1)，以 --seed 为种子
  aggregation    每个汇总节点用算术平均或几何平均
  normalisation  指标体系自己的方法，或对整个面板做 1–100 的最小–最大标准化
                 （scope "panel"；用 1 而不是 0，几何平均不会遇到零）
--settings FILE.json 用 @pingan/core 的 SettingSpec 数组替换默认设置，例如
  [{"kind": "aggregation", "alternatives": [{"method": "arithmetic"}, {"method": "geometric"}]},
   {"kind": "normalisation", "alternatives": ["framework", {"method": "rank"}]},
   {"kind": "noisyWeights", "noise": 0.5, "levels": [2], "samples": 50}]
（"framework" 保留每个指标自己的标准化方法；未给种子的带噪声权重使用 --seed）。
写入以下文件，每个文件都从 OUT 内的临时目录重命名替换：
  uncertainty.csv   region, month, nominal, median, p05, p95, rank_nominal, rank_median,
                    rank_p05, rank_p95, mean_abs_rank_shift（带 BOM 的 UTF-8，CRLF）
  sensitivity.csv   setting, first, first_low, first_high, total, total_low, total_high
  sensitivity.json  全部内容：设置说明、种子、N、每次运行、指标体系和数据的来源
                    哈希、库的版本
相同的数据、指标体系、设置和种子得到字节相同的文件。
Ctrl-C 立即停止工作线程并以退出码 130 结束；不写入任何文件。

示例：
  pingan sensitivity --n 50 --sobol-n 32     快速初看
  pingan sensitivity --seed 7 --out analysis  换一个种子，写入 ./analysis
  pingan sensitivity --settings settings.json  使用自己的设置

选项：
  --data DIR          数据目录（默认：data）
  --framework FILE    使用该指标体系文件，而不是 DIR/framework/*.json
  --out DIR           三个文件的写入位置（默认：artifacts/sensitivity）
  --n N               不确定性分析的蒙特卡洛运行次数（默认：200）
  --sobol-n N         Sobol' 设计的基础样本量（默认：128）
  --bootstrap B       Sobol' 区间的 bootstrap 重抽样次数（默认：100）
  --seed S            抽样、带噪声权重和 bootstrap 的种子（默认：1）
  --settings FILE     用一个 JSON 设置数组替换默认设置
  --today YYYY-MM-DD  判断月份是否已结束所依据的日期（默认：今天）
  --json              输出 {ok, outDir, files, provenance, uncertainty, sensitivity}
  --progress          即使 stderr 不是终端也显示进度条

${EXIT_CODES_HELP_ZH}
`,
};
