/**
 * The Chinese translations of problem reasons and other English texts the
 * CLI keeps in English (release notes, JSON, files) and translates only
 * where it prints them (see reason.ts). Keyed like zh.ts: the English text
 * with its holes numbered in order ({0}, {1}, …); a translation may reorder
 * the holes or leave out one only English needs (a plural "s"). A test
 * finds every because`…` of the CLI and every problem message of core's
 * framework, publication, observation and release checks, and requires a
 * line here for each.
 */
export const ZH_REASONS: Readonly<Record<string, string>> = {
  // A path (or a reason) and what is wrong there: both parts are translated on their own.
  '{0}: {1}': '{0}：{1}',
  '{0} (--strict)': '{0}（--strict）',

  // The CLI's checks of the data folder and its files
  'file not found': '找不到文件',
  'directory not found': '找不到文件夹',
  'file not found: every data folder has one (names, regions, denominators, value kinds, calendar; see data/README.md)':
    '找不到文件：每个数据文件夹都有一个（名称、地区、分母、数值类型、发布日历；见 data/README.md）',
  'cannot read the file ({0})': '无法读取文件（{0}）',
  'cannot read the directory ({0})': '无法读取文件夹（{0}）',
  'a folder inside input/ is not read: put its .csv files directly in input/': 'input/ 中的子文件夹不会被读取：请把其中的 .csv 文件直接放在 input/ 中',
  'not read: only .csv files are inputs (save it as CSV, named *.csv)': '未读取：只有 .csv 文件是输入（请另存为 CSV，文件名为 *.csv）',
  'not read: it is inside a folder of input/': '未读取：它在 input/ 的子文件夹中',
  'not valid UTF-8 JSON: {0}': '不是有效的 UTF-8 JSON：{0}',
  'expected one framework file, found {0}: {1}': '应有一个指标体系文件，找到 {0} 个：{1}',
  'no framework file (*.json)': '没有指标体系文件（*.json）',
  'framework file not found': '找不到指标体系文件',
  'cannot read the framework file ({0})': '无法读取指标体系文件（{0}）',
  'no input files (*.csv)': '没有输入文件（*.csv）',
  'periods: "{0}" is not computed by this version of the CLI (its releases are monthly); use "monthly"':
    'periods："{0}" 不受此版本 CLI 支持（其发布按月）；请使用 "monthly"',
  '{0}: {1} is not a region of {2}': '{0}：{1} 不是 {2} 中的地区',
  'regions.totals.{0}.of.{1}: {2} has parent {3} in {4}, not {5}': 'regions.totals.{0}.of.{1}：{2} 在 {4} 中的上级是 {3}，而不是 {5}',

  // Encodings, CSV and JSON
  'the file starts with a UTF-8 byte order mark but is not valid UTF-8': '文件以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8',
  'the file mixes encodings: line {0} is UTF-8 but line {1} is not; save the whole file as UTF-8 (Excel: CSV UTF-8)':
    '文件混用了编码：第 {0} 行是 UTF-8，而第 {1} 行不是；请把整个文件另存为 UTF-8（Excel：CSV UTF-8）',
  'the file decodes as GB18030 only to unlikely characters ({0}): it may be Big5 or mix encodings; save it as UTF-8 (Excel: CSV UTF-8)':
    '按 GB18030 解码只得到不太可能出现的字符（{0}）：文件可能是 Big5 或混用了编码；请另存为 UTF-8（Excel：CSV UTF-8）',
  'cannot decode the file: it is neither UTF-8 nor GB18030': '无法解码文件：既不是 UTF-8 也不是 GB18030',
  'unterminated quoted field': '引号内的字段没有结束',
  '{0} (the record runs over lines {1}–{2})': '{0}（该记录跨越第 {1}–{2} 行）',
  'cannot read the header: {0}': '无法读取表头：{0}',
  'unknown column {0}: expected {1}': '未知列 {0}：应为 {1}',
  'column {0} appears twice (first in column {1})': '列 {0} 出现了两次（第一次在第 {1} 列）',
  'missing required column {0}': '缺少必需的列 {0}',
  'the row has {0} field{1}, the header has {2}': '该行有 {0} 个字段，表头有 {2} 个',
  'empty file: no header and no data rows': '空文件：没有表头，也没有数据行',
  'empty file: a header but no data rows': '空文件：有表头，但没有数据行',
  'nested deeper than {0} levels': '嵌套超过 {0} 层',
  'duplicate key {0} (first at {1})': '重复的键 {0}（第一次出现在 {1}）',
  'not valid JSON: {0}': '不是有效的 JSON：{0}',

  // Rows of regions, denominators and inputs
  'year must be 4 digits': '年份应为 4 位数字',
  'quarter must be YYYY-Qn (e.g. 2025-Q3)': '季度应为 YYYY-Qn（例如 2025-Q3）',
  'month must be YYYY-MM': '月份应为 YYYY-MM',
  'region code must be 6 digits (GB/T 2260)': '地区代码应为 6 位数字（GB/T 2260）',
  'region code must match {0} (publication.json regions.codePattern)': '地区代码应符合 {0}（publication.json 的 regions.codePattern）',
  'name_zh is empty': '中文名称为空',
  'name_en is empty': '英文名称为空',
  'level is empty': '级别为空',
  'parent must be empty or a region code': '上级代码应为空或地区代码',
  'duplicate region {0} (first at line {1})': '重复的地区 {0}（第一次出现在第 {1} 行）',
  'parent {0} is not a region of {1}': '上级 {0} 不是 {1} 中的地区',
  'unknown region {0}: not in {1}': '未知地区 {0}：不在 {1} 中',
  '{0} must be a positive number': '{0} 应为正数',
  '{0} {1} has more than 15 digits': '{0} {1} 超过 15 位数字',
  'duplicate row: {0} already given at line {1}': '重复的行：{0} 已在第 {1} 行给出',
  'duplicate row: {0} already given at {1}': '重复的行：{0} 已在 {1} 给出',
  '{0} {1} is not a number': '{0} {1} 不是数字',
  '{0} {1} has {2} significant digits; at most {3} are accepted': '{0} {1} 有 {2} 位有效数字；最多接受 {3} 位',
  'share {0} is outside 0–100': '占比 {0} 不在 0–100 之间',
  'share {0} is outside 0–1 (publication.json declares it a share of 1, not a percentage)': '占比 {0} 不在 0–1 之间（publication.json 声明它是 1 的占比，而不是百分数）',
  '{0} {1} is negative': '{0} {1} 为负数',
  'count {0} is not a whole number (publication.json declares it a count; an amount may have fractions)': '计数 {0} 不是整数（publication.json 声明它是计数；金额才可以有小数）',
  'malformed month {0}: expected YYYY-MM': '月份格式错误 {0}：应为 YYYY-MM',
  '{0} is a denominator: it comes from {1}, not from input files': '{0} 是分母：它来自 {1}，而不是输入文件',
  'unknown indicator {0}: not an indicator of framework "{1}"': '未知指标 {0}：不是指标体系 "{1}" 的指标',
  'unknown flag {0}: {1}': '未知标记 {0}：{1}',
  'publication.json allows no flags: leave the column empty': 'publication.json 不允许任何标记：请留空此列',
  'expected empty, {0}': '应为空或 {0}',
  'expected empty, {0} or {1}': '应为空、{0} 或 {1}',
  'all {0} indicators': '全部 {0} 个指标',
  count: '计数',
  amount: '金额',
  share: '占比',
  rate: '比率',
  value: '值',
  'month {0} is not over yet (today is {1})': '{0} 月尚未结束（今天是 {1}）',
  'month {0} is in the future (today is {1})': '{0} 月在未来（今天是 {1}）',
  'month {0} is missing: no input rows between {1} and {2}': '缺少 {0} 月：{1} 与 {2} 之间没有输入行',
  'months {0} to {1} are missing: no input rows between {2} and {3}': '缺少 {0} 至 {1} 月：{2} 与 {3} 之间没有输入行',
  'no {0} for {1} in {2} in {3}': '{3} 中没有 {1} 在 {2} 的 {0}',
  'no {0} for {1} in {2} in {3} (this and {4} more row{5})': '{3} 中没有 {1} 在 {2} 的 {0}（此行及另外 {4} 行）',
  'region {0} ({1}) has no input rows: it is not published': '地区 {0}（{1}）没有输入行：不会发布',
  '{0} is a survey collected in months {1} ({2}); {3} is not one of them': '{0} 是在 {1} 月采集的调查（{2}）；{3} 不在其中',
  'missing rows: {0} {1}: {2} (every region, indicator and month is expected; give an unknown value as an empty cell)':
    '缺少行：{0} {1}：{2}（每个地区、指标和月份都应有一行；未知的值请留空）',

  // Data-quality warnings
  '{0} {1} {2} is {3}, but its divisions ({4}) sum to {5}': '{0} {1} {2} 为 {3}，但其下级地区（{4}）之和为 {5}',
  'share {0} of {1} {2} {3} looks like a fraction: shares are percentages ({4} for {5})': '{1} {2} {3} 的占比 {0} 像是小数：占比应为百分数（{5} 应为 {4}）',
  '{0} {1} {2} is {3}, far from its series (median {4}, robust z-score {5} > {6})': '{0} {1} {2} 为 {3}，远离其序列（中位数 {4}，稳健 z 分数 {5} > {6}）',
  "{0} {1} of {2} in {3} differs from {4}'s {5} by {6}% (more than {7}%)": '{2} 在 {3} 的 {0} {1} 与 {4} 的 {5} 相差 {6}%（超过 {7}%）',

  // Computing and releasing
  'no month can be computed: the {0}-month window of {1} needs {2} months of data, and the data covers {3}': '没有可计算的月份：{1} 的 {0} 个月窗口需要 {2} 个月的数据，而数据范围为 {3}',
  '{0}: no index for {1} in {2}': '{0}：{1} 在 {2} 没有指数',
  'before {0}, the first month whose windows are full': '早于 {0}（第一个窗口完整的月份）',
  'no index for {0} in {1}, although the data validated': '{0} 在 {1} 没有指数，尽管数据通过了校验',
  'the data no longer computes {0}: it gives an index for {1} to {2}': '数据已不能计算 {0}：可计算指数的月份为 {1} 至 {2}',
  'the data no longer computes {0}': '数据已不能计算 {0}',
  'before this failure the run wrote: {0} (complete and verified; the rest was not written)': '出错之前本次运行已写入：{0}（完整且已核对；其余未写入）',
  'a temporary folder left by an interrupted run (the next `pingan release` removes it)': '中断的运行留下的临时文件夹（下一次 `pingan release` 会删除它）',
  'the published releases in {0} fail verification ({1} problem{2}); nothing was written:': '{0} 中已发布的版本未通过核对（{1} 个问题）；没有写入任何文件：',
  'cannot write {0}: it is not a folder': '无法写入 {0}：它不是文件夹',
  '{0}/r{1}: added to {2} (written by a run interrupted before it chained it)': '{0}/r{1}：已加入 {2}（由一次在加入链之前中断的运行写入）',
  "{0}/revisions.json: rebuilt from the revisions' manifests ({1})": '{0}/revisions.json：已根据各修订版的清单重建（{1}）',
  'release conflict: {0} already exists (another run wrote it?); nothing was overwritten': '发布冲突：{0} 已存在（另一次运行写入的？）；没有覆盖任何文件',
  'cannot write {0}: {1}': '无法写入 {0}：{1}',
  'cannot read {0}: {1}': '无法读取 {0}：{1}',
  '{0} has no release in {1} to withdraw': '{1} 中没有 {0} 的版本可撤回',

  // pingan sensitivity
  'expected at least one setting': '至少需要一项设置',
  '{0} sets of noisy weights: every weight at level{1} {2} times 1 + {3}·U(−1, 1) (seed {4})': '{0} 组带噪声的权重：第 {2} 层的每个权重乘以 1 + {3}·U(−1, 1)（种子 {4}）',
  'aggregation of every aggregate: {0}': '每个综合指标的合成方法：{0}',
  'normalisation of every indicator: {0}': '每个指标的标准化方法：{0}',
  'winsorisation limit (winmax): {0}': '缩尾上限（winmax）：{0}',
  '{0} given weight sets': '{0} 组给定的权重',
  'the analysis worker stopped (exit code {0})': '分析工作线程已停止（退出码 {0}）',
  '{0} must be a whole number ≥ {1}, got {2}': '{0} 应为 ≥ {1} 的整数，而给出的是 {2}',
  'cannot write into {0}: {1}': '无法写入 {0}：{1}',
  'the {0} analysis failed: {1}': '{0} 分析失败：{1}',

  // @pingan/core: the framework
  '{0} nodes; a framework has at most {1}': '{0} 个节点；指标体系最多 {1} 个',
  'duplicate code "{0}" (first used by {1})': '重复的代码 "{0}"（第一次用于 {1}）',
  'duplicate denominator code "{0}"': '重复的分母代码 "{0}"',
  'denominator code "{0}" is also a node code': '分母代码 "{0}" 也是节点代码',
  'parent "{0}" is not a node of this framework': '上级 "{0}" 不是此指标体系的节点',
  'parent "{0}" is an indicator; only aggregates have children': '上级 "{0}" 是指标；只有综合指标可以有下级',
  'no root: exactly one aggregate must have "parent": null': '没有根节点：必须恰有一个综合指标的 "parent" 为 null',
  '{0} roots ({1}); exactly one node may have "parent": null': '{0} 个根节点（{1}）；只能有一个节点的 "parent" 为 null',
  'cycle: {0}': '循环：{0}',
  'aggregate "{0}" has no children': '综合指标 "{0}" 没有下级',
  'denominator "{0}" is not declared in "denominators"': '分母 "{0}" 未在 "denominators" 中声明',
  "must not exceed the window's {0} periods": '不能超过窗口的 {0} 期',
  'goalposts need min < max (got min {0}, max {1})': '目标值要求 min < max（给出的是 min {0}，max {1}）',
  'duplicate band code "{0}"': '重复的等级代码 "{0}"',
  'two bands start at {0}': '两个等级都从 {0} 开始',
  'must list each child of "{0}" once (children: {1}; order: {2})': '必须把 "{0}" 的每个下级各列一次（下级：{1}；顺序：{2}）',
  'is {0}×{1} but "order" has {2} codes': '是 {0}×{1}，但 "order" 有 {2} 个代码',
  'consistency ratio {0} ≥ 0.1: revise the judgements, or set "allowInconsistent": true': '一致性比率 {0} ≥ 0.1：请修改判断，或设置 "allowInconsistent": true',
  'the tree has {0} levels; a framework has at most {1}': '树有 {0} 层；指标体系最多 {1} 层',
  'the generalised mean needs a non-zero "power" (use "geometric" for power 0)': '广义平均需要非零的 "power"（power 为 0 时请用 "geometric"）',
  'weight must be a number': '权重应为数字',
  'weight must be a positive number': '权重应为正数',
  'direction must be 1 or -1': 'direction 应为 1 或 -1',
  'type must be "indicator" or "aggregate"': 'type 应为 "indicator" 或 "aggregate"',
  'ignored: the weights of "{0}"\'s children come from its {1}': '已忽略："{0}" 的下级权重来自其{1}',
  "has no weight, so it counts as 1 beside its siblings' {0}": '没有权重，因此在同级的 {0} 旁按 1 计',
  'weights {0} look like shares but sum to {1}, not 1: they are rescaled (each divided by {2})': '权重 {0} 像是占比，但之和为 {1} 而不是 1：已重新缩放（各除以 {2}）',
  'the first aggregate must be the index (parent null)': '第一个综合指标必须是总指数（parent 为 null）',

  // @pingan/core: the publication configuration
  'the framework\'s indicator "{0}" has no declared value kind (add "{1}": {"kind": …})': '指标体系的指标 "{0}" 没有声明数值类型（请加上 "{1}": {"kind": …}）',
  '"{0}" is not an indicator of framework "{1}"': '"{0}" 不是指标体系 "{1}" 的指标',
  'a share ({0}) is not divided by a denominator, but the framework divides "{1}" by "{2}"': '占比（{0}）不除以分母，但指标体系用 "{2}" 除 "{1}"',
  'with quarterly periods a survey is dated by the last month of its quarter (3, 6, 9, 12), not {0}': '按季度时，调查的日期是其季度的最后一个月（3、6、9、12），而不是 {0}',
  'the framework\'s denominator "{0}" has no file (add "{1}": {"file": …, "frequency": …})': '指标体系的分母 "{0}" 没有文件（请加上 "{1}": {"file": …, "frequency": …}）',
  '"{0}" is not a denominator of framework "{1}"': '"{0}" 不是指标体系 "{1}" 的分母',
  'a monthly denominator cannot serve quarterly periods: give it per quarter or per year': '按月的分母不能用于按季度的期：请按季度或按年给出',
  'the flag word "{0}" is already given in flags.{1}': '标记词 "{0}" 已在 flags.{1} 中给出',
  'expected a period YYYY-MM or YYYY-Qn': '应为期 YYYY-MM 或 YYYY-Qn',
  'kind must be "count" (whole, ≥ 0), "amount" (≥ 0, fractions allowed), "share-0-100", "share-0-1" or "rate" (≥ 0)':
    'kind 应为 "count"（整数，≥ 0）、"amount"（≥ 0，可有小数）、"share-0-100"、"share-0-1" 或 "rate"（≥ 0）',
  'frequency must be "annual", "quarterly" or "monthly"': 'frequency 应为 "annual"、"quarterly" 或 "monthly"',
  'flag must be "estimated" or "provisional" (the flags @pingan/core carries)': 'flag 应为 "estimated" 或 "provisional"（@pingan/core 支持的标记）',
  'expected a date and time with its UTC offset, e.g. 2026-12-15T09:30:00+08:00': '应为带 UTC 偏移的日期和时间，例如 2026-12-15T09:30:00+08:00',
  'periods must increase: {0} comes after {1}': '期必须递增：{0} 排在 {1} 之后',
  'moments must increase: {0} is not after {1}': '时刻必须递增：{0} 不晚于 {1}',
  'periods must be "monthly" or "quarterly"': 'periods 应为 "monthly" 或 "quarterly"',

  // @pingan/core: observations
  'unknown indicator "{0}": not an indicator or denominator of framework "{1}"': '未知指标 "{0}"：不是指标体系 "{1}" 的指标或分母',
  '"{0}" is not a period (expected YYYY-MM or YYYY)': '"{0}" 不是期（应为 YYYY-MM 或 YYYY）',
  'period "{0}" is a {1}, but earlier rows are {2}s': '期 "{0}" 是 {1}，但前面的行是 {2}',
  'value must be a finite number or null, got {0}': '值应为有限数或 null，而给出的是 {0}',
  'unit is empty': '地区为空',
  'unknown unit "{0}"': '未知地区 "{0}"',
  "period \"{0}\" is outside the panel's periods": '期 "{0}" 不在面板的期之内',
  'duplicate row: {0} {1} {2} already given at {3}': '重复的行：{0} {1} {2} 已在 {3} 给出',

  // @pingan/core: verifying the releases
  'format {0} carries uncertainty and warnings, format 1 (no "format") neither': '格式 {0} 含有不确定性和预警，格式 1（没有 "format"）两者都没有',
  'not valid UTF-8 JSON ({0})': '不是有效的 UTF-8 JSON（{0}）',
  'does not match the release format: {0}: {1}': '不符合发布格式：{0}：{1}',
  'manifest.json is missing': '缺少 manifest.json',
  'r{0} is in the chain but missing (deleted?)': 'r{0} 在链中但不存在（被删除了？）',
  "SHA-256 {0} differs from the chain's {1} (edited?)": 'SHA-256 {0} 与链中的 {1} 不同（被编辑过？）',
  'says {0} r{1}': '写的是 {0} r{1}',
  'is not listed in manifest.json': '未列在 manifest.json 中',
  'is listed in manifest.json but missing': '列在 manifest.json 中但不存在',
  "SHA-256 {0} differs from manifest.json's {1} (edited?)": 'SHA-256 {0} 与 manifest.json 中的 {1} 不同（被编辑过？）',
  'previous is {0}, but the revision before it is {1}': 'previous 为 {0}，但它之前的修订版是 {1}',
  'is missing, so the releases cannot be verified (start one with `pingan verify --start-chain` once they are checked)':
    '不存在，因此无法核对各版本（检查无误后用 `pingan verify --start-chain` 创建）',
  '{0}: its hash differs from its content (edited?)': '{0}：其哈希值与内容不符（被编辑过？）',
  '{0}: its previous hash differs from the entry before it (an entry removed or reordered?)': '{0}：其 previous 哈希值与前一条不符（有条目被删除或调换了顺序？）',
  'the chain adds r{0} after r{1}: revisions are only ever added, one after another': '链在 r{1} 之后加入了 r{0}：修订版只能逐个依次加入',
  "inputHash differs from the chain's": 'inputHash 与链中的不同',
  'the chain withdraws r{0}, but the latest revision of {1} then was r{2}': '链撤回了 r{0}，但 {1} 当时的最新修订版是 r{2}',
  'is in the chain but missing (deleted?)': '在链中但不存在（被删除了？）',
  "withdraws {0} r{1}, but the chain's latest revision of {2} is r{3}": '撤回 {0} r{1}，但链中 {2} 的最新修订版是 r{3}',
  'is not in the chain: a run was interrupted before adding it (the next `pingan release` adds it), or it was copied in by hand':
    '不在链中：一次运行在加入它之前中断了（下一次 `pingan release` 会加入），或者是手工复制进来的',
  'is not in the chain (written by hand?)': '不在链中（手工写入的？）',
  'is not in the chain': '不在链中',
  "differs from the revisions' manifests": '与各修订版的清单不符',
  'is missing': '不存在',
  'follows r{0}: a revision is missing': '跟在 r{0} 之后：缺少一个修订版',
};

/**
 * zod's own English messages (its `en` locale), for the checks that give
 * none of their own; a test checks each still appears in zod's locale.
 */
export const ZH_ZOD: Readonly<Record<string, string>> = {
  'Invalid input: expected {0}, received {1}': '输入无效：应为 {0}，实际为 {1}',
  'Invalid input: expected {0}': '输入无效：应为 {0}',
  'Invalid option: expected one of {0}': '选项无效：应为 {0} 之一',
  'Too big: expected {0} to have {1} {2}': '过大：{0} 应有 {1} 个{2}',
  'Too big: expected {0} to be {1}': '过大：{0} 应 {1}',
  'Too small: expected {0} to have {1} {2}': '过小：{0} 应有 {1} 个{2}',
  'Too small: expected {0} to be {1}': '过小：{0} 应 {1}',
  'Invalid string: must match pattern {0}': '字符串无效：应符合模式 {0}',
  'Unrecognized key{0}: {1}': '无法识别的键：{1}',
  'Invalid input': '输入无效',
};
