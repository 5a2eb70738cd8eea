/*
 * Unit tests of registry_stat: SD from a standard error and from a
 * confidence interval of a mean.  Reference values from R 4.x:
 *   sprintf("%.17g", sqrt(10) * 2 / (2 * qt(0.975, 9)))  and so on.
 */
#include "unit.h"
#include "registry_stat.h"

#include <math.h>

static int
close_to(double got, double want)
{
	return fabs(got - want) <= 1e-12 * fabs(want);
}

int
main(void)
{
	double		sd = -1;
	msc_error	err;

	/* SD = SE * sqrt(n) */
	CHECK(registry_sd_from_se(0.25, 40, &sd, &err) && close_to(sd, 1.5811388300841898), "se 0.25 n 40: %g", sd);
	CHECK(registry_sd_from_se(0, 1, &sd, &err) && sd == 0, "se 0 n 1: %g", sd);
	CHECK(registry_sd_from_se(2, 1, &sd, &err) && sd == 2, "se 2 n 1: %g", sd);

	/* SD = sqrt(n) (upper - lower) / (2 qt((1 + level)/2, n - 1)) */
	CHECK(registry_sd_from_ci(1, 3, 10, 0.95, &sd, &err) && close_to(sd, 1.3979036081899627), "ci 1..3 n 10: %.17g", sd);
	CHECK(registry_sd_from_ci(8.1, 12.5, 30, 0.95, &sd, &err) && close_to(sd, 5.8917082057095502), "ci 8.1..12.5 n 30: %.17g", sd);
	CHECK(registry_sd_from_ci(-1.5, 1.5, 20, 0.90, &sd, &err) && close_to(sd, 3.8795191947096241), "90%% ci n 20: %.17g", sd);
	CHECK(registry_sd_from_ci(0, 10, 5, 0.99, &sd, &err) && close_to(sd, 2.4283469823941095), "99%% ci n 5: %.17g", sd);
	CHECK(registry_sd_from_ci(4, 4, 12, 0.95, &sd, &err) && sd == 0, "empty interval: %g", sd);
	/* large n: close to the normal-theory 3.92 rule */
	CHECK(registry_sd_from_ci(0, 3.92, 1e6, 0.95, &sd, &err) && fabs(sd - 1000) < 0.1, "n 1e6: %g", sd);

	/* bad arguments: class PARAM, a message, a hint */
	CHECK(!registry_sd_from_se(-0.1, 10, &sd, &err) && err.errclass == MSC_ERR_PARAM && err.hint[0], "negative se");
	CHECK(!registry_sd_from_se(NAN, 10, &sd, &err) && err.errclass == MSC_ERR_PARAM, "NaN se");
	CHECK(!registry_sd_from_se(INFINITY, 10, &sd, &err) && err.errclass == MSC_ERR_PARAM, "infinite se");
	CHECK(!registry_sd_from_se(1, 0, &sd, &err) && err.errclass == MSC_ERR_PARAM, "n 0");
	CHECK(!registry_sd_from_se(1, 2.5, &sd, &err) && err.errclass == MSC_ERR_PARAM, "n 2.5");
	CHECK(!registry_sd_from_ci(3, 1, 10, 0.95, &sd, &err) && err.errclass == MSC_ERR_PARAM
		  && strstr(err.message, "above") != NULL, "lower > upper: %s", err.message);
	CHECK(!registry_sd_from_ci(1, 3, 1, 0.95, &sd, &err) && err.errclass == MSC_ERR_PARAM, "n 1");
	CHECK(!registry_sd_from_ci(1, 3, 10, 95, &sd, &err) && err.errclass == MSC_ERR_PARAM, "level 95");
	CHECK(!registry_sd_from_ci(1, 3, 10, 0, &sd, &err) && err.errclass == MSC_ERR_PARAM, "level 0");
	CHECK(!registry_sd_from_ci(1, 3, 10, 1, &sd, &err) && err.errclass == MSC_ERR_PARAM, "level 1");
	CHECK(!registry_sd_from_ci(1, 3, 10, NAN, &sd, &err) && err.errclass == MSC_ERR_PARAM, "level NaN");
	CHECK(!registry_sd_from_ci(-INFINITY, 3, 10, 0.95, &sd, &err) && err.errclass == MSC_ERR_PARAM, "infinite lower");
	CHECK(!registry_sd_from_ci(1, NAN, 10, 0.95, &sd, &err) && err.errclass == MSC_ERR_PARAM, "NaN upper");

	return unit_report("registry_stat");
}
