# metafor looped over every group of a CSV file (no header), as bench/run.sh
# compares it with our aggregate over the same groups:
#   Rscript bench/metafor.R rma  FILE   # g, yi, vi:         rma(yi, vi, method = "REML")
#   Rscript bench/metafor.R mods FILE   # g, yi, vi, x1, x2: rma(yi, vi, mods = ~ x1 + x2, method = "REML")
#   Rscript bench/metafor.R prop FILE   # g, x, n:           rma(measure = "PLO", xi = x, ni = n, method = "REML")
# Prints the wall time of the loop alone in ms (reading the file and loading
# metafor are not timed), the number of groups, and how many groups metafor
# failed on (its default Fisher scoring not converging).
suppressMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]
cols <- switch(mode, rma = c("g", "yi", "vi"), mods = c("g", "yi", "vi", "x1", "x2"), prop = c("g", "x", "n"),
               stop("mode must be rma, mods or prop, not ", mode))
d <- read.csv(args[2], header = FALSE, col.names = cols)
groups <- split(d, d$g)
fit1 <- switch(mode,
  rma  = function(s) rma(s$yi, s$vi, method = "REML"),
  mods = function(s) rma(s$yi, s$vi, mods = ~ x1 + x2, data = s, method = "REML"),
  prop = function(s) rma(measure = "PLO", xi = s$x, ni = s$n, method = "REML"))
t0 <- proc.time()[["elapsed"]]
failed <- 0L
for (s in groups) {
  fit <- tryCatch(fit1(s), error = function(e) NULL)
  if (is.null(fit)) failed <- failed + 1L
}
ms <- (proc.time()[["elapsed"]] - t0) * 1000
cat(sprintf("%.1f %d %d\n", ms, length(groups), failed))
