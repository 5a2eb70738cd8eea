# Reference values of the median/quartile/range conversions and of the SD
# from t or p (src/core/stat_convert.c), computed independently in R from
# the papers' formulas (metafor 3.8-1 has no such function):
#   Rscript test/r/convert_refs.R   (repository root)
# Writes test/fixtures/convert_refs.csv.
#   Luo D et al. Stat Methods Med Res 2018;27:1785-1805 (mean);
#   Wan X et al. BMC Med Res Methodol 2014;14:135 (SD from range or IQR);
#   Shi J et al. Res Synth Methods 2020;11:641-654 (SD from five numbers);
#   Cochrane Handbook 6.5.2.3 (SD from t or p), 6.5.2.8 (r from a change SD).
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
xi  <- function(n) 2 * qnorm((n - 0.375) / (n + 0.25))
eta <- function(n) 2 * qnorm((0.75 * n - 0.125) / (n + 0.25))

rows <- list()
add <- function(fn, a, b, c, d, e, n, mean, sd)
  rows[[length(rows) + 1]] <<- data.frame(fn = fn, a = fmt(a), b = fmt(b), c = fmt(c), d = fmt(d), e = fmt(e), n = n,
                                          mean = fmt(mean), sd = fmt(sd))
# pain summaries (VAS 0-100 and NRS 0-10) over small and large n
for (n in c(2, 3, 5, 8, 12, 20, 27, 50, 51, 100, 201, 202, 400, 1000)) {
  for (s in list(c(5, 18, 32, 47, 88), c(0, 2, 4, 6, 10), c(10, 30, 31, 32, 90), c(3.5, 3.5, 3.5, 3.5, 3.5))) {
    a <- s[1]; q1 <- s[2]; m <- s[3]; q3 <- s[4]; b <- s[5]
    w <- 0.7 + 0.39 / n
    add("quartiles", q1, m, q3, NA, NA, n, w * (q1 + q3) / 2 + (1 - w) * m, (q3 - q1) / eta(n))
    w <- 4 / (4 + n^0.75)
    add("range", a, m, b, NA, NA, n, w * (a + b) / 2 + (1 - w) * m, (b - a) / xi(n))
    w1 <- 2.2 / (2.2 + n^0.75); w2 <- 0.7 - 0.72 / n^0.55
    th1 <- (2 + 0.14 * n^0.6) * qnorm((n - 0.375) / (n + 0.25))
    th2 <- (2 + 2 / (0.07 * n^0.6)) * qnorm((0.75 * n - 0.125) / (n + 0.25))
    add("fivenum", a, q1, m, q3, b, n, w1 * (a + b) / 2 + w2 * (q1 + q3) / 2 + (1 - w1 - w2) * m,
        (b - a) / th1 + (q3 - q1) / th2)
  }
}
# SD from t or p of a two-group comparison: SE = MD / t, SD = SE / sqrt(1/n1 + 1/n2)
for (x in list(c(2.1, 12, 15, -8.5), c(-3.4, 30, 28, 12), c(0.5, 5, 6, 1.2), c(10, 200, 180, -20))) {
  t <- x[1]; n1 <- x[2]; n2 <- x[3]; md <- x[4]
  add("sd_from_t", t, n1, n2, md, NA, NA, NA, abs(md / t) / sqrt(1 / n1 + 1 / n2))
}
for (x in list(c(0.04, 12, 15, -8.5), c(0.001, 30, 28, 12), c(0.62, 5, 6, 1.2), c(1e-10, 200, 180, -20))) {
  p <- x[1]; n1 <- x[2]; n2 <- x[3]; md <- x[4]
  t <- qt(p / 2, n1 + n2 - 2, lower.tail = FALSE)
  add("sd_from_p", p, n1, n2, md, NA, NA, NA, abs(md / t) / sqrt(1 / n1 + 1 / n2))
}
# the correlation implied by a change SD
for (x in list(c(12.1, 18.4, 15.2), c(1.5, 2.4, 2), c(20, 22, 21.071307505705477), c(3, 5, 2), c(3, 5, 8))) {
  add("r_from_sd_change", x[1], x[2], x[3], NA, NA, NA, NA,
      (x[1]^2 + x[2]^2 - x[3]^2) / (2 * x[1] * x[2]))
}
x <- do.call(rbind, rows)
write.csv(x, "test/fixtures/convert_refs.csv", row.names = FALSE, quote = FALSE, na = "NA")
cat("convert_refs.csv", nrow(x), "rows\n")
