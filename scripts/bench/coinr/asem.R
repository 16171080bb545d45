# COINr's side of `pnpm bench:coinr`: one timed run of one ASEM benchmark,
# doing exactly the work of the project's matching run (see
# packages/core/bench/asemRuns.ts), printed as one line of JSON.
#
#   Rscript scripts/bench/coinr/asem.R <build|uncertainty|sensitivity> <dir of ASEM_iData.csv and ASEM_iMeta.csv> [runs]
#
# With `runs` (default 1), the run is repeated and timed that many times
# ("ms" is then a list), so that short runs are not outnumbered by the R
# start-up that precedes them.
#
# Every timed run starts from the raw tables: both CSVs are read and parsed,
# then new_coin validates them and the coin is built as COINr's
# build_example_coin() builds it (Denominate; Impute by the EurAsia_group
# mean; Treat with winmax 5; Normalise min-max 0-100; Aggregate by the
# arithmetic mean), less its Screen step, which removes no unit here (it
# runs on imputed data) and has no counterpart in the project. The
# uncertainty and sensitivity runs then call get_sensitivity() with the
# four uncertain settings of COINr's sensitivity vignette; every one of its
# replications regenerates the coin from new_coin on (COINr's Regen).
# One untimed build first loads COINr's lazily loaded functions, as the
# project's side warms up with one untimed build.

args <- commandArgs(trailingOnly = TRUE)
if (!(length(args) %in% 2:3) || !(args[1] %in% c("build", "uncertainty", "sensitivity"))) {
  stop("usage: Rscript asem.R <build|uncertainty|sensitivity> <reference dir> [runs]")
}
benchmark <- args[1]
reference <- args[2]
runs <- if (length(args) == 3) as.integer(args[3]) else NA_integer_
if (!is.na(runs) && runs < 1) stop("runs must be a positive whole number")

suppressPackageStartupMessages(library(COINr))

read_table <- function(file) {
  utils::read.csv(file.path(reference, file), stringsAsFactors = FALSE, na.strings = c("", "NA"), check.names = FALSE)
}

build_asem <- function() {
  iData <- read_table("ASEM_iData.csv")
  iMeta <- read_table("ASEM_iMeta.csv")
  suppressMessages({
    coin <- new_coin(iData, iMeta, level_names = c("Indicator", "Pillar", "Sub-index", "Index"))
    coin <- Denominate(coin, dset = "Raw")
    coin <- Impute(coin, dset = "Denominated", f_i = "i_mean_grp", use_group = "EurAsia_group")
    coin <- Treat(coin, dset = "Imputed", global_specs = list(f1_para = list(winmax = 5)))
    coin <- Normalise(coin, dset = "Treated", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0, 100))))
    coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")
  })
  coin
}

# The four uncertain settings of COINr's sensitivity vignette.
sa_specs <- function(coin) {
  noisy <- get_noisy_weights(
    w = coin$Meta$Weights$Original,
    noise_specs = data.frame(Level = c(2, 3), NoiseFactor = c(0.25, 0.25)),
    Nrep = 100
  )
  list(
    Winmax = list(Address = "$Log$Treat$global_specs$f1_para$winmax", Distribution = 1:5, Type = "discrete"),
    Normalisation = list(
      Address = "$Log$Normalise$global_specs",
      Distribution = list(list(f_n = "n_minmax", f_n_para = list(c(1, 100))), list(f_n = "n_zscore", f_n_para = list(c(10, 2)))),
      Type = "discrete"
    ),
    Weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"),
    Aggregation = list(Address = "$Log$Aggregate$f_ag", Distribution = c("a_amean", "a_gmean"), Type = "discrete")
  )
}

run <- function() {
  coin <- build_asem()
  if (benchmark == "build") return(list(coin = coin, rebuilds = 1))
  set.seed(1)
  specs <- sa_specs(coin)
  if (benchmark == "uncertainty") {
    res <- get_sensitivity(coin, SA_specs = specs, N = 100, SA_type = "UA", dset = "Aggregated", iCode = "Index", quietly = TRUE)
  } else {
    res <- get_sensitivity(coin, SA_specs = specs, N = 100, SA_type = "SA", dset = "Aggregated", iCode = "Index", Nboot = 100, quietly = TRUE)
  }
  list(coin = coin, rebuilds = ncol(res$Scores) - 2)
}

invisible(build_asem()) # warm-up, untimed
ms <- numeric(0)
cpu_ms <- numeric(0) # user + system CPU time of this process, for a loaded machine
for (i in seq_len(if (is.na(runs)) 1 else runs)) {
  c0 <- proc.time()
  t0 <- Sys.time()
  out <- run()
  ms <- c(ms, as.numeric(difftime(Sys.time(), t0, units = "secs")) * 1000)
  c1 <- proc.time() - c0
  cpu_ms <- c(cpu_ms, (c1[["user.self"]] + c1[["sys.self"]]) * 1000)
}
as_json <- function(x) if (is.na(runs)) sprintf("%.3f", x) else sprintf("[%s]", paste(sprintf("%.3f", x), collapse = ","))
ms_json <- as_json(ms)
cpu_json <- as_json(cpu_ms)

# The nominal build's every column, for the driver to check that both sides computed the same thing.
aggregated <- get_dset(out$coin, dset = "Aggregated")
codes <- setdiff(names(aggregated), "uCode")
num <- function(v) if (is.na(v)) "null" else sprintf("%.17g", v)
rows <- vapply(seq_len(nrow(aggregated)), function(i) {
  cells <- vapply(codes, function(code) sprintf("\"%s\":%s", code, num(aggregated[[code]][i])), "")
  sprintf("\"%s\":{%s}", aggregated$uCode[i], paste(cells, collapse = ","))
}, "")
cat(sprintf(
  "{\"benchmark\":\"%s\",\"ms\":%s,\"cpu_ms\":%s,\"rebuilds\":%d,\"coinr\":\"%s\",\"r\":\"%s\",\"aggregated\":{%s}}\n",
  benchmark, ms_json, cpu_json, as.integer(out$rebuilds), as.character(utils::packageVersion("COINr")), R.version$version.string, paste(rows, collapse = ",")
))
