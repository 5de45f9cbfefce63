/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chart.c: frame times of a 365-day × 6-series chart while it is
 * resized, for the note in the issue.  Not a test: run it under Xvfb,
 *
 *   xvfb-run -a -s '-screen 0 1280x800x24' build/tests/bench-chart [--frames N] [--columns] [--days N]
 *
 * (--days 90 with --columns: columns wide enough for their fill patterns.)
 *
 * Two figures: the frame clock's work per frame (layout + snapshot +
 * render, from the "layout" to the "after-paint" phase) while the chart's
 * width changes every frame, and snapshot + render alone, timed directly
 * at alternating sizes. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "herald-application.h"
#include "herald-chart.h"
#include "herald-column-layer.h"
#include "herald-line-layer.h"

#define MAX_DAYS 3660
#define N_SERIES 6

static guint n_days = 365;

typedef struct
{
  HeraldChart *chart;
  GArray      *frame_ms;
  gint64       frame_start;
  guint        frames_wanted;
  guint        frame;
  gboolean     done;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  g_print ("%-34s n=%u  mean %.2f ms  p95 %.2f ms  max %.2f ms\n", what, ms->len,
           sum / ms->len, g_array_index (ms, double, (guint) floor (0.95 * (ms->len - 1))),
           g_array_index (ms, double, ms->len - 1));
}

static GListStore *
make_store (void)
{
  GListStore *store = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  static const char *names[N_SERIES] = { "Sent", "Delivered", "Opens", "Clicks", "Conversions", "Bounces" };
  static const double scale[N_SERIES] = { 5200, 5000, 1500, 420, 60, 150 };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);

  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autoptr(HeraldChartSeries) series = herald_chart_series_new (names[i]);
      g_autofree double *values = g_new (double, n_days);

      for (guint d = 0; d < n_days; d++)
        values[d] = round (scale[i] * (1 + 0.35 * sin (d * 2 * G_PI / 7)) *
                           (0.9 + ((d * 7919 + i * 104729) % 97) / 485.0));
      herald_chart_series_set_daily (series, g_date_get_julian (&date), values, n_days);
      g_list_store_append (store, series);
    }
  return store;
}

static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  if (bench->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - bench->frame_start) / 1000.0;
  bench->frame_start = 0;
  /* The first frames include font loading and shader compilation. */
  if (bench->frame > 10)
    g_array_append_val (bench->frame_ms, ms);
}

static gboolean
resize_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Bench *bench = user_data;

  if (bench->frame >= bench->frames_wanted + 10)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* Sweep the width between 500 and 1200 pixels and back, height too. */
  gtk_widget_set_size_request (widget,
                               500 + (int) (350 * (1 - cos (bench->frame * 0.05))),
                               300 + (int) (100 * (1 - cos (bench->frame * 0.031))));
  bench->frame++;
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(HeraldChartLayer) layer = NULL;
  g_autoptr(GArray) direct_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  gboolean columns = FALSE;
  GdkFrameClock *clock;
  GskRenderer *renderer;
  GtkWidget *window, *box;

  bench.frames_wanted = 300;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        bench.frames_wanted = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--columns"))
        columns = TRUE;
      else if (g_str_equal (argv[i], "--days") && i + 1 < argc)
        {
          int days = atoi (argv[++i]);

          n_days = CLAMP (days, 2, MAX_DAYS);
        }
    }

  herald_init_i18n ();
  gtk_init ();
  adw_init ();

  store = make_store ();
  bench.chart = herald_chart_new ();
  bench.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  layer = columns ? herald_column_layer_new (G_LIST_MODEL (store)) : herald_line_layer_new (G_LIST_MODEL (store));
  herald_chart_add_layer (bench.chart, layer);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (GTK_WIDGET (bench.chart), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (bench.chart), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.chart));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.chart)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.chart));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (bench.chart)));
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.chart), resize_tick_cb, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &bench);

  /* Snapshot and render alone, at sizes that force a new layout. */
  for (guint i = 0; i < 200; i++)
    {
      int width = i % 2 ? 1000 : 900, height = i % 2 ? 400 : 360;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GskRenderNode) node = herald_chart_render_node (bench.chart, width, height);
      g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                                   &GRAPHENE_RECT_INIT (0, 0, width, height));
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (direct_ms, ms);
    }

  g_print ("%s layer, %d days × %d series, renderer %s\n", columns ? "Column" : "Line",
           n_days, N_SERIES, G_OBJECT_TYPE_NAME (renderer));
  report ("frame while resizing", bench.frame_ms);
  report ("layout+snapshot+render_texture", direct_ms);

  g_array_unref (bench.frame_ms);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
