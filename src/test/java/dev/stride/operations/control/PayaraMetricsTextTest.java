package dev.stride.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayaraMetricsTextTest {
  /** As Payara 6 writes a Histogram's gauges: a family each, its own TYPE gauge. */
  private static final String PAYARA =
      """
      # TYPE a_total counter
      a_total{mp_scope="application"} 3.0
      # TYPE x_seconds_bucket gauge
      # HELP x_seconds_bucket Time of x.
      x_seconds_bucket{le="0.1",mp_scope="application",route="/r"} 1
      x_seconds_bucket{le="+Inf",mp_scope="application",route="/r"} 2
      # TYPE x_seconds_count gauge
      # HELP x_seconds_count Time of x.
      x_seconds_count{mp_scope="application",route="/r"} 2
      # TYPE y gauge
      y 1
      # TYPE x_seconds_sum gauge
      # HELP x_seconds_sum Time of x.
      x_seconds_sum{mp_scope="application",route="/r"} 0.3
      # TYPE connection_pool_StridePool_usedConnection_total counter
      connection_pool_StridePool_usedConnection_total{mp_scope="vendor"} 0.0
      """;

  @Test
  void aHistogramsThreeGaugesBecomeOneHistogramFamilyWhereTheFirstWas() {
    assertThat(PayaraMetricsText.histogramFamilies(PAYARA))
        .startsWith(
            """
            # TYPE a_total counter
            a_total{mp_scope="application"} 3.0
            # HELP x_seconds Time of x.
            # TYPE x_seconds histogram
            x_seconds_bucket{le="0.1",mp_scope="application",route="/r"} 1
            x_seconds_bucket{le="+Inf",mp_scope="application",route="/r"} 2
            x_seconds_sum{mp_scope="application",route="/r"} 0.3
            x_seconds_count{mp_scope="application",route="/r"} 2
            # TYPE y gauge
            y 1
            """)
        .doesNotContain("gauge\n# HELP x_seconds_");
  }

  @Test
  void gaugesThatAreNotAHistogramsPartsStayAsTheyAre() {
    String text = "# TYPE z_count gauge\nz_count 4\n# TYPE w_bucket gauge\nw_bucket 1\n";
    assertThat(PayaraMetricsText.histogramFamilies(text)).isEqualTo(text);
  }

  @Test
  void payarasSampledPoolFiguresAreLeftOut() {
    assertThat(PayaraMetricsText.withoutSampledPoolFigures(PAYARA))
        .doesNotContain("connection_pool")
        .contains("a_total{mp_scope=\"application\"} 3.0\n", "y 1\n");
  }
}
