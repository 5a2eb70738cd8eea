# metafor's rma(yi, vi, method = "REML") looped over every group of a CSV
# file (g, yi, vi; no header), as bench/run.sh compares it with
# meta_analysis(yi, vi, 'REML') ... GROUP BY g.  Prints the wall time of the
# loop alone (reading the file and loading metafor are not timed) and how
# many groups metafor's default Fisher scoring failed on.
#   Rscript bench/metafor.R FILE
suppressMessages(library(metafor))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1], header = FALSE, col.names = c("g", "yi", "vi"))
t0 <- proc.time()[["elapsed"]]
ys <- split(d$yi, d$g)
vs <- split(d$vi, d$g)
failed <- 0L
for (i in seq_along(ys)) {
  fit <- tryCatch(rma(ys[[i]], vs[[i]], method = "REML"), error = function(e) NULL)
  if (is.null(fit)) failed <- failed + 1L
}
ms <- (proc.time()[["elapsed"]] - t0) * 1000
cat(sprintf("%.1f %d %d\n", ms, length(ys), failed))
