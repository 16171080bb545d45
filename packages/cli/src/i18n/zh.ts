/**
 * The Chinese translations of the CLI's messages, keyed by the English
 * message with its holes numbered ({0}, {1}, …; see t.ts). A translation
 * may reorder the holes or leave out one that only English needs (a plural
 * "s"). Add a line here beside each new t`…` message; a test finds any
 * message without one.
 */
export const ZH: Readonly<Record<string, string>> = {
  // main.ts: the command line
  'unknown option "{0}"': '未知选项 "{0}"',
  'option "{0}" needs a value': '选项 "{0}" 需要一个值',
  'option "{0}" takes no value': '选项 "{0}" 不接受值',
  'option "{0}" needs a value; write one that starts with "-" as {1}=-…': '选项 "{0}" 需要一个值；以 "-" 开头的值请写成 {1}=-…',
  'unexpected argument: {0}': '多余的参数：{0}',
  'Run "pingan --help" for usage.': '用法见 "pingan --help"。',
  'unknown command "{0}"': '未知命令 "{0}"',
  'unknown command "{0}"; commands: {1}': '未知命令 "{0}"；可用命令：{1}',
  '{0} does not take {1}': '{0} 不接受 {1}',
  'unexpected argument "{0}"': '多余的参数 "{0}"',
  '"{0}" is not a month (expected YYYY-MM)': '"{0}" 不是月份（应为 YYYY-MM）',
  '"{0}" is not a quarter (expected YYYY-Qn, e.g. 2025-Q3: publication.json says "periods": "quarterly")': '"{0}" 不是季度（应为 YYYY-Qn，例如 2025-Q3：publication.json 规定 "periods": "quarterly"）',
  '--today "{0}" is not a date (expected YYYY-MM-DD)': '--today "{0}" 不是日期（应为 YYYY-MM-DD）',
  '--framework needs a file': '--framework 需要一个文件',
  'released {0}/{1} … {2}': '已发布 {0}/{1} … {2}',
  '--{0} "{1}" is not a whole number of 0 or more': '--{0} "{1}" 不是非负整数',

  // commands.ts: validate, compute, release, verify
  'the date {0} is before {1}, the date of the latest release in {2} ({3}): releases are dated in the order they are published (check --today or the clock)':
    '日期 {0} 早于 {2} 中最近一次发布的日期 {1}（{3}）：发布日期须按发布先后排列（请检查 --today 或系统时钟）',
  '--head "{0}" is not a chain entry\'s hash (64 hexadecimal digits, as verify prints it)': '--head "{0}" 不是链条目的哈希值（应为 64 位十六进制数字，即 verify 显示的形式）',
  'no data folder at {0} (give the folder with --data)': '{0} 处没有数据文件夹（用 --data 指定）',
  "no --today, and the index's time zone cannot be read:": '没有给出 --today，且无法读取指数的时区：',
  'warning: {0}': '警告：{0}',
  '{0} problem{1} in {2}; nothing was computed or written': '{2} 中有 {0} 个问题；没有计算，也没有写入任何文件',
  '{0} problem{1} in {2}': '{2} 中有 {0} 个问题',
  '{0} to {1}': '{0} 至 {1}',
  'no months': '没有月份',
  '; an index for {0} to {1}': '；可计算指数的月份为 {0} 至 {1}',
  '; {0} warning{1} (--strict makes them problems)': '；{0} 个警告（--strict 时算作问题）',
  'ok: {0} input files, {1} rows, {2} regions, {3}{4}{5}': '通过：{0} 个输入文件，{1} 行，{2} 个地区，{3}{4}{5}',
  'release needs either a MONTH or --all': 'release 需要 MONTH 或 --all（二选一）',
  'no data for {0}: the data covers {1} to {2}': '没有 {0} 的数据：数据范围为 {1} 至 {2}',
  '{0} has no index: the first month whose windows are full is {1}': '{0} 没有指数：第一个窗口完整的月份是 {1}',
  'before this failure the run wrote: {0} (complete and verified; the rest was not written)':
    '出错之前本次运行已写入：{0}（完整且已核对；其余未写入）',
  '{0}: skipped: {1}': '{0}：跳过：{1}',
  '{0}: WITHDRAWN r{1}: {2}': '{0}：已撤回 r{1}：{2}',
  '{0}: unchanged (r{1}, {2})': '{0}：无变化（r{1}，{2}）',
  '{0}: released r{1} → {2}': '{0}：已发布 r{1} → {2}',
  '{0}: revised r{1} → {2} ({3} input cell{4} changed)': '{0}：已修订 r{1} → {2}（{3} 个输入单元格有改动）',
  'unexpected error: {0}': '意外错误：{0}',
  'no releases folder at {0}': '{0} 处没有发布文件夹',
  '{0} exists already; a chain is started once': '{0} 已存在；链只能开始一次',
  '{0} problem{1} in {2}: the releases differ from their chain and manifests': '{2} 中有 {0} 个问题：发布版本与其链和 manifest 不符',
  'started {0}; ': '已创建 {0}；',
  ', {0} withdrawn ({1})': '，{0} 个已撤回（{1}）',
  'ok: {0} months, {1} revisions{2}; every file matches its manifest and chain.json (head {3})':
    '通过：{0} 个月，{1} 个版本{2}；每个文件都与其 manifest 和 chain.json 一致（链头 {3}）',
  none: '无',
  'flags: {0}': '标记：{0}',
  Region: '地区',
  Index: '指数',
  Band: '等级',
  MoM: '环比',
  QoQ: '环比',
  'YoY (same quarter)': '同比',
  YoY: '同比',
  'no release date after {0}: {1}\'s releaseCalendar has no date for the period after (no "regular" rule and no entry in "releases"), so the manifest\'s nextRelease is null':
    '{0} 之后没有发布日期：{1} 的 releaseCalendar 没有下一期的日期（没有 "regular" 规则，"releases" 中也没有条目），因此清单的 nextRelease 为 null',
  '{0} … {1} ({2} months)': '{0} … {1}（{2} 个月）',
  '{0} … {1} ({2} quarters)': '{0} … {1}（{2} 个季度）',
  'removed {0}: a temporary folder left by an interrupted run': '已删除 {0}：中断的运行留下的临时文件夹',
  'repaired {0}': '已修复 {0}',

  // issues.ts
  'the data has {0} problem{1}:': '数据中有 {0} 个问题：',

  // tunedNotice.ts
  'NOTICE: not the official framework (非正式指标体系): {0} {1} was tuned from {2} {3} (sha256 {4}); these results are not the official figures.':
    '注意：非正式指标体系：{0} {1} 由 {2} {3}（sha256 {4}）调整而来；这些结果不是正式数字。',
  '{0} change{1} from the official framework:': '与正式指标体系相比有 {0} 处改动：',
  'AHP judgements on {0} ({1}): CR {2}, applied to the weights': '{0} 的 AHP 判断（{1}）：CR {2}，已用于权重',
  'AHP judgements on {0} ({1}): CR {2}, not applied': '{0} 的 AHP 判断（{1}）：CR {2}，未采用',

  // computeIndex.ts
  'there is no data to compute': '没有可计算的数据',

  // main.ts: the progress bars of pingan sensitivity
  uncertainty: '不确定性',
  sensitivity: '敏感性',

  // sensitivity.ts
  'there is no data to analyse': '没有可分析的数据',
  'cancelled: nothing was written': '已取消：没有写入任何文件',
  'wrote {0}': '已写入 {0}',
  setting: '设置',
  'first order ({0}%)': '一阶（{0}%）',
  'total order ({0}%)': '总效应（{0}%）',
  '{0} regions × {1} months ({2} to {3})': '{0} 个地区 × {1} 个月（{2} 至 {3}）',
  'settings:': '设置：',
  'uncertainty (N = {0}, seed {1}): mean absolute rank shift {2} on average over the runs': '不确定性（N = {0}，种子 {1}）：各次运行的平均绝对排名变动为 {2}',
  "Sobol' sensitivity of the rank shift (N = {0}, {1} runs, bootstrap {2}):": "排名变动的 Sobol' 敏感性（N = {0}，{1} 次运行，bootstrap {2}）：",

  // warnings.ts
  'there is no data to chart': '没有可绘制控制图的数据',
  'no chart for {0}: a chart needs {1} months of history (the first charted month is {2})':
    '{0} 没有控制图：控制图需要 {1} 个月的历史（第一个有控制图的月份是 {2}）',
  'no chart for {0}: a chart needs {1} quarters of history (the first charted quarter is {2})': '{0} 没有控制图：控制图需要 {1} 个季度的历史（第一个有控制图的季度是 {2}）',
  'no indicator out of control in {0} ({1} charts)': '{0} 没有失控的指标（{1} 张控制图）',
  '{0} of {1} charts out of control': '{1} 张控制图中有 {0} 张失控',
  'Early warning': '预警',
  'EWMA λ = {0}, limit {1} σ, in-control average run length {2} months': 'EWMA λ = {0}，界限 {1} σ，受控平均运行长度 {2} 个月',
  'EWMA λ = {0}, limit {1} σ, in-control average run length {2} quarters': 'EWMA λ = {0}，界限 {1} σ，受控平均运行长度 {2} 个季度',
  Indicator: '指标',
  Observed: '本月',
  'Observed this quarter': '本季',
  Expected: '预期',
  Limit: '界限',
  New: '新',
  new: '新',
  'Nearest their limits, in control:': '仍受控、最接近控制界限的指标：',
  'Share of limit': '占界限',
};
