/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart.c: HeraldChart with a year of daily data in six series:
 * axes, normalisation, hover, redraw on model changes, the table, the
 * accessible description, PNG/SVG/CSV exports read back, and
 * screenshots in light and dark mode. */

#include "config.h"

#include <adwaita.h>
#include <csv.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "herald-chart.h"
#include "herald-column-layer.h"
#include "herald-funnel-layer.h"
#include "herald-line-layer.h"
#include "herald-test-gui.h"

#define N_DAYS 365
#define N_SERIES 6

static const char *series_names[N_SERIES] = {
  "Sent", "Delivered", "Opens", "Clicks", "Conversions", "Bounces",
};

static guint32
first_day (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  return g_date_get_julian (&date);
}

/* Deterministic, campaign-like numbers: a weekly rhythm and some noise;
 * every value an integer. */
static double
sample (guint series,
        guint day)
{
  static const double scale[N_SERIES] = { 5200, 5000, 1500, 420, 60, 150 };
  double weekly = 1 + 0.35 * sin (day * 2 * G_PI / 7);
  double trend = 1 + 0.4 * sin (day * 2 * G_PI / 365);
  double noise = ((day * 7919 + series * 104729) % 97) / 97.0 * 0.2;

  return round (scale[series] * weekly * trend * (0.9 + noise));
}

static GListStore *
make_series (void)
{
  GListStore *store = g_list_store_new (HERALD_TYPE_CHART_SERIES);

  for (guint i = 0; i < N_SERIES; i++)
    {
      g_autoptr(HeraldChartSeries) series = herald_chart_series_new (series_names[i]);
      double values[N_DAYS];

      for (guint d = 0; d < N_DAYS; d++)
        values[d] = sample (i, d);
      herald_chart_series_set_daily (series, first_day (), values, N_DAYS);
      g_list_store_append (store, series);
    }
  return store;
}

typedef struct
{
  GtkWindow        *window;
  HeraldChart      *chart;
  HeraldChartLayer *layer;
  GListStore       *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = make_series ();
  f->chart = herald_chart_new ();
  herald_chart_set_title (f->chart, "Daily performance");
  f->layer = herald_line_layer_new (G_LIST_MODEL (f->store));
  herald_chart_add_layer (f->chart, f->layer);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 480);
  gtk_window_set_child (f->window, GTK_WIDGET (f->chart));
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (GTK_WIDGET (f->chart));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (f->window);
  g_clear_object (&f->layer);
  g_clear_object (&f->store);
  herald_test_spin (50);
}

static double
series_max (void)
{
  double max = 0;

  for (guint i = 0; i < N_SERIES; i++)
    for (guint d = 0; d < N_DAYS; d++)
      max = MAX (max, sample (i, d));
  return max;
}

static void
test_axes (Fixture       *f,
           gconstpointer  data)
{
  HeraldAxisTicks y;
  graphene_rect_t plot;
  graphene_point_t p;
  double x_min, x_max;
  double max = series_max ();
  guint n_labels;

  g_assert_true (herald_chart_get_axes (f->chart, &x_min, &x_max, &y));
  /* Half a day of room at each end of the year. */
  g_assert_cmpfloat (x_min, ==, first_day () - 0.5);
  g_assert_cmpfloat (x_max, ==, first_day () + N_DAYS - 1 + 0.5);
  /* The y axis starts at zero and covers the maximum with a nice step. */
  g_assert_cmpfloat (y.min, ==, 0);
  g_assert_cmpfloat (y.max, >=, max);
  g_assert_cmpfloat (y.max - y.step, <, max);
  g_assert_cmpuint (y.n_ticks, >=, 3);

  /* Normalisation: a data point maps inside the plot area, in order. */
  g_assert_true (herald_chart_get_plot_area (f->chart, &plot));
  g_assert_true (herald_chart_value_to_point (f->chart, first_day (), 0, &p));
  g_assert_cmpfloat (p.x, >, plot.origin.x);
  g_assert_cmpfloat_with_epsilon (p.y, plot.origin.y + plot.size.height, 1e-3);
  g_assert_true (herald_chart_value_to_point (f->chart, first_day () + N_DAYS - 1, y.max, &p));
  g_assert_cmpfloat (p.x, <, plot.origin.x + plot.size.width);
  g_assert_cmpfloat_with_epsilon (p.y, plot.origin.y, 1e-3);

  /* A year at 1000 px: month labels that do not overlap. */
  n_labels = herald_chart_get_n_x_labels (f->chart);
  g_assert_cmpuint (n_labels, >=, 4);
  g_assert_cmpuint (n_labels, <=, 12);
  for (guint i = 1; i < n_labels; i++)
    {
      double a, b;

      herald_chart_get_x_label (f->chart, i - 1, &a);
      herald_chart_get_x_label (f->chart, i, &b);
      g_assert_cmpfloat (b - a, >, 40);
    }
  g_test_message ("x labels: %u, first “%s”", n_labels, herald_chart_get_x_label (f->chart, 0, NULL));
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  graphene_point_t p;
  double x;

  g_assert_false (herald_chart_get_hover (f->chart, NULL));
  g_assert_null (herald_chart_dup_hover_text (f->chart));

  /* Pointer a third of a day right of day 100: day 100 is hovered. */
  herald_chart_value_to_point (f->chart, first_day () + 100.3, sample (2, 100), &p);
  g_assert_true (herald_chart_hover_at (f->chart, p.x, p.y));
  g_assert_true (herald_chart_get_hover (f->chart, &x));
  g_assert_cmpfloat (x, ==, first_day () + 100);

  text = herald_chart_dup_hover_text (f->chart);
  g_test_message ("%s", text);
  /* The exact values of all series on that day, one per line. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, N_SERIES + 1);
    for (guint i = 0; i < N_SERIES; i++)
      {
        g_autofree char *value = g_strdup_printf ("%'.0f", sample (i, 100));

        g_free (expected);
        expected = g_strdup_printf ("%s: %s", series_names[i], value);
        g_assert_cmpstr (lines[i + 1], ==, expected);
      }
  }

  /* The crosshair is drawn: take a screenshot with it. */
  herald_test_spin (50);
  g_free (herald_test_screenshot (GTK_WIDGET (f->window), "chart-hover"));

  /* Arrow keys move point by point; Home and End jump; the ends hold. */
  g_assert_true (herald_chart_hover_step (f->chart, 1));
  herald_chart_get_hover (f->chart, &x);
  g_assert_cmpfloat (x, ==, first_day () + 101);
  g_assert_true (herald_chart_hover_step (f->chart, -7));
  herald_chart_get_hover (f->chart, &x);
  g_assert_cmpfloat (x, ==, first_day () + 94);
  herald_chart_hover_step (f->chart, G_MININT);
  herald_chart_get_hover (f->chart, &x);
  g_assert_cmpfloat (x, ==, first_day ());
  herald_chart_hover_step (f->chart, -1);
  herald_chart_get_hover (f->chart, &x);
  g_assert_cmpfloat (x, ==, first_day ());
  herald_chart_hover_step (f->chart, G_MAXINT);
  herald_chart_get_hover (f->chart, &x);
  g_assert_cmpfloat (x, ==, first_day () + N_DAYS - 1);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->chart)));

  /* Outside the plot area the hover goes away. */
  g_assert_false (herald_chart_hover_at (f->chart, 1, 1));
  g_assert_false (herald_chart_get_hover (f->chart, NULL));
}

static void
test_model_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HeraldChartSeries) extra = herald_chart_series_new ("Unsubscribes");
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *description = NULL;
  HeraldChartSeries *sent;
  HeraldAxisTicks y;
  double values[N_DAYS];

  /* items-changed: a seventh series shows in the table and description. */
  for (guint d = 0; d < N_DAYS; d++)
    values[d] = d % 5;
  herald_chart_series_set_daily (extra, first_day (), values, N_DAYS);
  g_list_store_append (f->store, extra);
  herald_test_spin (50);
  table = herald_chart_dup_table (f->chart);
  g_assert_cmpuint (table->n_columns, ==, N_SERIES + 2);
  g_assert_cmpstr (table->headers[N_SERIES + 1], ==, "Unsubscribes");
  description = herald_chart_dup_description (f->chart);
  g_assert_nonnull (strstr (description, "Unsubscribes: "));
  g_assert_nonnull (strstr (strstr (description, "Unsubscribes: "), " 0 "));

  /* A series' data changes: the axis follows. */
  sent = g_list_model_get_item (G_LIST_MODEL (f->store), 0);
  for (guint d = 0; d < N_DAYS; d++)
    values[d] = d == 200 ? 123456 : sample (0, d);
  herald_chart_series_set_daily (sent, first_day (), values, N_DAYS);
  g_object_unref (sent);
  herald_test_spin (50);
  herald_chart_get_axes (f->chart, NULL, NULL, &y);
  g_assert_cmpfloat (y.max, >=, 123456);
  g_assert_cmpfloat (y.max, <=, 150000);

  /* Removing everything leaves an empty chart without axes. */
  g_list_store_remove_all (f->store);
  herald_test_spin (50);
  g_assert_false (herald_chart_get_axes (f->chart, NULL, NULL, NULL));
  g_assert_false (herald_chart_hover_at (f->chart, 500, 200));
  g_assert_false (herald_chart_hover_step (f->chart, 1));
}

static void
test_table_and_description (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HeraldChartTable) table = herald_chart_dup_table (f->chart);
  g_autofree char *description = herald_chart_dup_description (f->chart);
  g_autoptr(GtkWidget) view = NULL;
  GListModel *rows;
  double total = 0;

  g_assert_cmpuint (table->n_columns, ==, N_SERIES + 1);
  g_assert_cmpuint (table->rows->len, ==, N_DAYS);
  g_assert_cmpstr (table->headers[3], ==, "Opens");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->raw_rows, 0))[0], ==, "2026-01-01");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->raw_rows, N_DAYS - 1))[0], ==, "2026-12-31");
  for (guint d = 0; d < N_DAYS; d++)
    for (guint i = 0; i < N_SERIES; i++)
      {
        char **raw = g_ptr_array_index (table->raw_rows, d);

        g_assert_cmpfloat (g_ascii_strtod (raw[i + 1], NULL), ==, sample (i, d));
      }

  g_test_message ("%s", description);
  /* Checked in a way that holds in every language: the title, every
   * series and the clicks' total formatted for the locale. */
  g_assert_true (g_str_has_prefix (description, "Daily performance. 6 "));
  for (guint i = 0; i < N_SERIES; i++)
    g_assert_nonnull (strstr (description, series_names[i]));
  for (guint d = 0; d < N_DAYS; d++)
    total += sample (3, d);
  {
    g_autofree char *number = g_strdup_printf ("%'.0f", total);
    g_autofree char *expected = g_strdup_printf (" %s.", number);

    g_assert_nonnull (strstr (strstr (description, "Clicks: "), expected));
  }

  view = g_object_ref_sink (herald_chart_create_table_view (f->chart));
  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_DAYS);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view))), ==,
                    N_SERIES + 1);

  /* What the "show as table" toggle shows. */
  {
    GtkWindow *window = GTK_WINDOW (gtk_window_new ());
    GtkWidget *scrolled = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
    gtk_window_set_child (window, scrolled);
    gtk_window_set_default_size (window, 800, 300);
    gtk_window_present (window);
    herald_test_wait_for_mapped (view);
    g_free (herald_test_screenshot (GTK_WIDGET (window), "chart-table"));
    gtk_window_destroy (window);
  }
}

static gboolean
texture_has_content (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint differing = 0;

  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 1; i < width * height; i++)
    if (memcmp (pixels + i * 4, pixels, 4) != 0)
      differing++;
  /* Lines, labels and legend cover a good part of the image. */
  return differing > (guint) (width * height / 50);
}

static guint
count_elements (xmlNode    *node,
                const char *name)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0)
        n++;
      n += count_elements (node->children, name);
    }
  return n;
}

typedef struct
{
  GPtrArray *row;
  GPtrArray *rows;
} CsvState;

static void
csv_field_cb (void   *data,
              size_t  len,
              void   *user_data)
{
  CsvState *state = user_data;

  g_ptr_array_add (state->row, g_strndup (data, len));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvState *state = user_data;

  g_ptr_array_add (state->row, NULL);
  g_ptr_array_add (state->rows, g_ptr_array_free (state->row, FALSE));
  state->row = g_ptr_array_new ();
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("herald-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;
  struct csv_parser parser;
  CsvState state = { g_ptr_array_new (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  int width_before = gtk_widget_get_width (GTK_WIDGET (f->chart));
  HeraldAxisTicks before, after;

  herald_chart_get_axes (f->chart, NULL, NULL, &before);

  /* PNG at a size other than the widget's. */
  g_assert_true (herald_chart_export_png (f->chart, png, 800, 400, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
  g_assert_true (texture_has_content (texture));

  /* The widget's own layout is back after the export. */
  herald_chart_get_axes (f->chart, NULL, NULL, &after);
  g_assert_cmpuint (after.n_ticks, ==, before.n_ticks);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->chart)), ==, width_before);

  /* SVG: well-formed, an <svg> of the right size with many shapes. */
  g_assert_true (herald_chart_export_svg (f->chart, svg, 800, 400, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  {
    xmlChar *w = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "width");

    g_assert_true (g_str_has_prefix ((const char *) w, "800"));
    xmlFree (w);
  }
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (doc), "path"), >, 20);
  xmlFreeDoc (doc);

  /* CSV: parsed back with libcsv, the same numbers. */
  g_assert_true (herald_chart_export_csv (f->chart, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\"") && strstr (contents, "\",\"Sent\",\"Delivered\"") != NULL);
  g_assert_nonnull (strstr (contents, "\r\n"));
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &state), ==, length);
  csv_fini (&parser, csv_field_cb, csv_row_cb, &state);
  csv_free (&parser);
  g_assert_cmpuint (state.rows->len, ==, N_DAYS + 1);
  for (guint d = 0; d < N_DAYS; d++)
    {
      char **row = g_ptr_array_index (state.rows, d + 1);

      g_assert_cmpuint (g_strv_length (row), ==, N_SERIES + 1);
      for (guint i = 0; i < N_SERIES; i++)
        g_assert_cmpfloat (g_ascii_strtod (row[i + 1], NULL), ==, sample (i, d));
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (state.rows, 32))[0], ==, "2026-02-01");
  g_ptr_array_unref (state.rows);
  g_ptr_array_unref (state.row);

  /* A directory that does not exist: an error, no crash. */
  g_assert_false (herald_chart_export_png (f->chart, bad, 100, 100, &error));
  g_assert_error (error, HERALD_CHART_ERROR, HERALD_CHART_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (herald_chart_export_csv (f->chart, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing to export. */
  g_list_store_remove_all (f->store);
  g_assert_false (herald_chart_export_svg (f->chart, svg, 100, 100, &error));
  g_assert_error (error, HERALD_CHART_ERROR, HERALD_CHART_ERROR_EMPTY);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (csv);
  g_rmdir (dir);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_free (herald_test_screenshot (GTK_WIDGET (f->window), "chart-line"));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  herald_test_spin (200);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_free (herald_test_screenshot (GTK_WIDGET (f->window), "chart-line-dark"));

  /* Area mode, light and dark. */
  herald_line_layer_set_area (HERALD_LINE_LAYER (f->layer), TRUE);
  g_assert_true (herald_line_layer_get_area (HERALD_LINE_LAYER (f->layer)));
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (f->window), "chart-area-dark"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  herald_test_spin (200);
  g_free (herald_test_screenshot (GTK_WIDGET (f->window), "chart-area"));

  /* A phone-sized chart: the legend wraps, fewer x labels, no overlap. */
  {
    GtkWindow *narrow = GTK_WINDOW (gtk_window_new ());
    HeraldChart *chart = herald_chart_new ();
    g_autoptr(HeraldChartLayer) layer = herald_line_layer_new (G_LIST_MODEL (f->store));
    guint n_labels;

    herald_chart_add_layer (chart, layer);
    gtk_window_set_default_size (narrow, 360, 300);
    gtk_window_set_child (narrow, GTK_WIDGET (chart));
    gtk_window_present (narrow);
    herald_test_wait_for_mapped (GTK_WIDGET (chart));
    n_labels = herald_chart_get_n_x_labels (chart);
    g_assert_cmpuint (n_labels, >=, 2);
    g_assert_cmpuint (n_labels, <=, 4);
    g_free (herald_test_screenshot (GTK_WIDGET (narrow), "chart-narrow"));
    gtk_window_destroy (narrow);
  }
}

static void
build_columns_and_funnel (GtkWindow         **window_out,
                          HeraldChart       **columns_out,
                          HeraldColumnLayer **layer_out,
                          HeraldChart       **funnel_out)
{
  const char *steps[] = { "Audience", "Sent", "Delivered", "Opened", "Clicked", "Converted" };
  const guint64 counts[] = { 12000, 11800, 11420, 3140, 612, 48 };
  g_autoptr(GListStore) store = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  g_autoptr(HeraldChartLayer) columns = NULL;
  g_autoptr(HeraldChartLayer) funnel = herald_funnel_layer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HeraldChart *a = herald_chart_new ();
  HeraldChart *b = herald_chart_new ();

  /* 30 days of opens, clicks and conversions as stacked columns. */
  for (guint i = 2; i < 5; i++)
    {
      g_autoptr(HeraldChartSeries) series = herald_chart_series_new (series_names[i]);
      double values[30];

      for (guint d = 0; d < 30; d++)
        values[d] = sample (i, d);
      herald_chart_series_set_daily (series, first_day (), values, 30);
      g_list_store_append (store, series);
    }
  columns = herald_column_layer_new (G_LIST_MODEL (store));
  herald_chart_add_layer (a, columns);
  herald_chart_set_title (a, "Engagement");

  herald_funnel_layer_set_steps (HERALD_FUNNEL_LAYER (funnel), steps, counts, G_N_ELEMENTS (steps));
  herald_chart_add_layer (b, funnel);
  herald_chart_set_title (b, "Funnel");

  gtk_widget_set_vexpand (GTK_WIDGET (a), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (b), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (a));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (b));
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, 800, 640);
  gtk_window_present (window);
  herald_test_wait_for_mapped (GTK_WIDGET (b));

  *window_out = window;
  *columns_out = a;
  *layer_out = HERALD_COLUMN_LAYER (columns);
  *funnel_out = b;
}

static void
test_columns_and_funnel (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWindow *window;
  HeraldChart *columns, *funnel;
  HeraldColumnLayer *layer;
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *description = NULL;
  HeraldAxisTicks y;
  double stacked_max = 0;

  build_columns_and_funnel (&window, &columns, &layer, &funnel);

  /* Stacked: the axis covers the sums. */
  for (guint d = 0; d < 30; d++)
    stacked_max = MAX (stacked_max, sample (2, d) + sample (3, d) + sample (4, d));
  g_assert_true (herald_chart_get_axes (columns, NULL, NULL, &y));
  g_assert_cmpfloat (y.max, >=, stacked_max);

  /* The funnel has no axes, but a table with its rates. */
  g_assert_false (herald_chart_get_axes (funnel, NULL, NULL, NULL));
  table = herald_chart_dup_table (funnel);
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpuint (table->rows->len, ==, 6);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->raw_rows, 2))[1], ==, "11420");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (((char **) g_ptr_array_index (table->raw_rows, 2))[2], NULL),
                                  11420.0 / 11800, 1e-12);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->raw_rows, 0))[2], ==, "");
  description = herald_chart_dup_description (funnel);
  g_test_message ("%s", description);
  g_assert_true (g_str_has_prefix (description, "Funnel. Audience: 12"));
  g_assert_nonnull (strstr (description, "Converted: 48 ("));

  g_free (herald_test_screenshot (GTK_WIDGET (window), "chart-columns-funnel"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  herald_test_spin (200);
  g_free (herald_test_screenshot (GTK_WIDGET (window), "chart-columns-funnel-dark"));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  /* Grouped columns: the axis now covers the largest single value. */
  herald_column_layer_set_stacked (layer, FALSE);
  herald_test_spin (50);
  herald_chart_get_axes (columns, NULL, NULL, &y);
  g_assert_cmpfloat (y.max, <, stacked_max);
  g_free (herald_test_screenshot (GTK_WIDGET (window), "chart-grouped-funnel"));

  gtk_window_destroy (window);
  herald_test_spin (50);
}

/* Every node of a tree, depth first. */
static void
collect_nodes (GskRenderNode *node,
               GskRenderNodeType type,
               GPtrArray     *found)
{
  if (node == NULL)
    return;
  if (gsk_render_node_get_node_type (node) == type)
    g_ptr_array_add (found, node);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), type, found);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), type, found);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), type, found);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), type, found);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), type, found);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), type, found);
      break;
    case GSK_REPEAT_NODE:
      collect_nodes (gsk_repeat_node_get_child (node), type, found);
      break;
    default:
      break;
    }
}

/* A pattern tile's pixels. */
static GBytes *
tile_pixels (guint    style,
             gboolean dark)
{
  g_autoptr(GskRenderNode) tile = herald_chart_style_create_pattern_tile (style, dark);
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  gboolean inked = FALSE;

  g_assert_nonnull (tile);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, HERALD_CHART_PATTERN_TILE, HERALD_CHART_PATTERN_TILE);
  cr = cairo_create (surface);
  gsk_render_node_draw (tile, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  for (gsize i = 3; i < g_bytes_get_size (bytes); i += 4)
    inked |= ((const guint8 *) g_bytes_get_data (bytes, NULL))[i] != 0;
  g_assert_true (inked);
  cairo_surface_destroy (surface);
  return bytes;
}

/* Columns are told apart without colour: every series of the palette
 * has its own fill pattern, on the columns and on the legend. */
static void
test_patterns (void)
{
  GtkWindow *window;
  HeraldChart *columns, *funnel;
  HeraldColumnLayer *layer;

  for (guint a = 0; a < 6; a++)
    {
      g_assert_cmpint (herald_chart_style_get_pattern (a), ==, herald_chart_style_get_pattern (a + 6));
      for (guint b = a + 1; b < 6; b++)
        g_assert_cmpint (herald_chart_style_get_pattern (a), !=, herald_chart_style_get_pattern (b));
    }
  g_assert_cmpint (herald_chart_style_get_pattern (0), ==, HERALD_CHART_PATTERN_SOLID);
  g_assert_null (herald_chart_style_create_pattern_tile (0, FALSE));
  g_assert_null (herald_chart_style_create_pattern_tile (6, TRUE));

  /* The tiles differ pixel by pixel, from each other and between light
   * and dark (marks in the background's colour). */
  for (int dark = 0; dark < 2; dark++)
    for (guint a = 1; a < 6; a++)
      {
        g_autoptr(GBytes) pa = tile_pixels (a, dark);
        g_autoptr(GBytes) other = tile_pixels (a, !dark);

        g_assert_false (g_bytes_equal (pa, other));
        for (guint b = a + 1; b < 6; b++)
          {
            g_autoptr(GBytes) pb = tile_pixels (b, dark);

            g_assert_false (g_bytes_equal (pa, pb));
          }
      }

  /* Drawn: series 1 and 2 (series 0 is solid) repeat their own tile over
   * their columns and on their legend swatch. */
  build_columns_and_funnel (&window, &columns, &layer, &funnel);
  for (int stacked = 1; stacked >= 0; stacked--)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GPtrArray) repeats = g_ptr_array_new ();
      g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
      guint swatches[2] = { 0, 0 };
      guint uses[2] = { 0, 0 };

      herald_column_layer_set_stacked (layer, stacked);
      node = herald_chart_render_node (columns, 800, 300);
      collect_nodes (node, GSK_REPEAT_NODE, repeats);
      for (guint i = 0; i < repeats->len; i++)
        {
          GskRenderNode *child = gsk_repeat_node_get_child (repeats->pdata[i]);
          graphene_rect_t bounds;
          guint t;

          if (!g_ptr_array_find (tiles, child, &t))
            {
              g_ptr_array_add (tiles, child);
              t = tiles->len - 1;
            }
          g_assert_cmpuint (t, <, 2);
          gsk_render_node_get_bounds (repeats->pdata[i], &bounds);
          if (bounds.size.width == 24 && bounds.size.height == 12)
            swatches[t]++;
          else
            uses[t]++;
        }
      g_assert_cmpuint (tiles->len, ==, 2);
      g_assert_cmpuint (swatches[0], ==, 1);
      g_assert_cmpuint (swatches[1], ==, 1);
      /* The clicks (about a third of the axis) are patterned every day. */
      g_assert_cmpuint (uses[0], ==, 30);
    }

  /* A year of columns in 800 pixels: too narrow for patterns, only the
   * legend keeps them. */
  {
    g_autoptr(GListStore) year = make_series ();
    g_autoptr(HeraldChartLayer) year_layer = herald_column_layer_new (G_LIST_MODEL (year));
    HeraldChart *chart = herald_chart_new ();
    g_autoptr(GskRenderNode) node = NULL;
    g_autoptr(GPtrArray) repeats = g_ptr_array_new ();

    g_object_ref_sink (chart);
    herald_chart_add_layer (chart, year_layer);
    node = herald_chart_render_node (chart, 800, 300);
    collect_nodes (node, GSK_REPEAT_NODE, repeats);
    g_assert_cmpuint (repeats->len, ==, N_SERIES - 1);
    g_object_unref (chart);
  }

  gtk_window_destroy (window);
  herald_test_spin (50);
}

static gboolean
has_color (GPtrArray     *color_nodes,
           const GdkRGBA *color)
{
  for (guint i = 0; i < color_nodes->len; i++)
    if (gdk_rgba_equal (gsk_color_node_get_color (color_nodes->pdata[i]), color))
      return TRUE;
  return FALSE;
}

/* Light and dark palettes differ, and a chart follows AdwStyleManager. */
static void
test_palettes (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWindow *window;
  HeraldChart *columns, *funnel;
  HeraldColumnLayer *layer;

  for (guint i = 0; i < 6; i++)
    {
      GdkRGBA light, dark;

      herald_chart_style_get_color (i, FALSE, &light);
      herald_chart_style_get_color (i, TRUE, &dark);
      g_assert_false (gdk_rgba_equal (&light, &dark));
      /* lighter on dark backgrounds */
      g_assert_cmpfloat (light.red + light.green + light.blue, <, dark.red + dark.green + dark.blue);
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  build_columns_and_funnel (&window, &columns, &layer, &funnel);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GPtrArray) colors = g_ptr_array_new ();

      if (dark)
        {
          adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
          herald_test_spin (100);
        }
      g_assert_cmpint (adw_style_manager_get_dark (manager), ==, dark);
      node = herald_chart_render_node (columns, 800, 300);
      collect_nodes (node, GSK_COLOR_NODE, colors);
      for (guint i = 0; i < 3; i++)
        {
          GdkRGBA wanted, unwanted;

          herald_chart_style_get_color (i, dark, &wanted);
          herald_chart_style_get_color (i, !dark, &unwanted);
          g_assert_true (has_color (colors, &wanted));
          g_assert_false (has_color (colors, &unwanted));
        }
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  herald_test_spin (50);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
changed_cb (gpointer  object,
            guint    *count)
{
  (*count)++;
}

static void
test_objects (void)
{
  g_autoptr(GListStore) store = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  HeraldChartSeries *series = herald_chart_series_new ("A");
  HeraldChartLayer *layer = herald_line_layer_new (G_LIST_MODEL (store));
  HeraldChart *chart = g_object_ref_sink (herald_chart_new ());
  const double xs[] = { 1, 2, 3 }, ys[] = { 4, NAN, 6 };
  guint names = 0, points = 0, series_changes = 0, layer_changes = 0, titles = 0, areas = 0;

  g_signal_connect (series, "notify::name", G_CALLBACK (count_cb), &names);
  g_signal_connect (series, "notify::n-points", G_CALLBACK (count_cb), &points);
  g_signal_connect (series, "changed", G_CALLBACK (changed_cb), &series_changes);
  g_signal_connect (layer, "changed", G_CALLBACK (changed_cb), &layer_changes);
  g_signal_connect (layer, "notify::area", G_CALLBACK (count_cb), &areas);
  g_signal_connect (chart, "notify::title", G_CALLBACK (count_cb), &titles);

  /* Notify only on change. */
  herald_chart_series_set_name (series, "A");
  g_assert_cmpuint (names, ==, 0);
  herald_chart_series_set_name (series, "B");
  g_assert_cmpuint (names, ==, 1);
  g_assert_cmpstr (herald_chart_series_get_name (series), ==, "B");

  herald_chart_series_set_points (series, xs, ys, 3);
  g_assert_cmpuint (points, ==, 1);
  herald_chart_series_set_points (series, xs, ys, 3);
  g_assert_cmpuint (points, ==, 1);
  g_assert_cmpuint (series_changes, ==, 3);
  g_assert_cmpuint (herald_chart_series_get_n_points (series), ==, 3);
  g_assert_true (isnan (herald_chart_series_get_ys (series)[1]));

  /* The layer follows its model and the series in it. */
  g_list_store_append (store, series);
  g_assert_cmpuint (layer_changes, ==, 1);
  g_assert_cmpuint (herald_chart_layer_get_n_series (layer), ==, 1);
  g_assert_true (herald_chart_layer_get_series (layer, 0) == series);
  herald_chart_series_set_daily (series, 2461000, ys, 3);
  g_assert_cmpuint (layer_changes, ==, 2);
  herald_line_layer_set_area (HERALD_LINE_LAYER (layer), TRUE);
  herald_line_layer_set_area (HERALD_LINE_LAYER (layer), TRUE);
  g_assert_cmpuint (areas, ==, 1);
  g_assert_cmpuint (layer_changes, ==, 3);

  herald_chart_set_title (chart, "T");
  herald_chart_set_title (chart, "T");
  g_assert_cmpuint (titles, ==, 1);
  herald_chart_add_layer (chart, layer);
  g_assert_cmpuint (herald_chart_get_n_layers (chart), ==, 1);
  /* A gap (NaN) shows as "—" in the table and is empty in CSV. */
  {
    g_autoptr(HeraldChartTable) table = herald_chart_dup_table (chart);

    g_assert_cmpuint (table->rows->len, ==, 3);
    g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 1))[1], ==, "—");
    g_assert_cmpstr (((char **) g_ptr_array_index (table->raw_rows, 1))[1], ==, "");
  }

  /* Nothing keeps the objects alive once their owners let go. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (herald_chart_layer_get_n_series (layer), ==, 0);
  g_assert_finalize_object (series);
  g_object_unref (layer);
  g_assert_finalize_object (chart);
}

static void
test_percent (void)
{
  g_autoptr(GListStore) store = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  g_autoptr(HeraldChartSeries) opens = herald_chart_series_new ("Open rate");
  g_autoptr(HeraldChartSeries) clicks = herald_chart_series_new ("Click rate");
  g_autoptr(HeraldChartLayer) layer = herald_line_layer_new (G_LIST_MODEL (store));
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HeraldChart *chart = herald_chart_new ();
  double open_rates[90], click_rates[90];
  HeraldAxisTicks y;
  graphene_point_t p;
  guint notified = 0;

  for (guint d = 0; d < 90; d++)
    {
      open_rates[d] = sample (2, d) / sample (1, d);
      click_rates[d] = d == 40 ? NAN : sample (3, d) / sample (1, d);
    }
  herald_chart_series_set_daily (opens, first_day (), open_rates, 90);
  herald_chart_series_set_daily (clicks, first_day (), click_rates, 90);
  g_list_store_append (store, opens);
  g_list_store_append (store, clicks);
  herald_chart_add_layer (chart, layer);
  g_signal_connect (chart, "notify::percent-values", G_CALLBACK (count_cb), &notified);
  herald_chart_set_percent_values (chart, TRUE);
  herald_chart_set_percent_values (chart, TRUE);
  g_assert_cmpuint (notified, ==, 1);

  gtk_window_set_default_size (window, 700, 360);
  gtk_window_set_child (window, GTK_WIDGET (chart));
  gtk_window_present (window);
  herald_test_wait_for_mapped (GTK_WIDGET (chart));

  /* Ticks in whole percent steps, covering the largest open rate. */
  g_assert_true (herald_chart_get_axes (chart, NULL, NULL, &y));
  g_assert_cmpfloat (y.min, ==, 0);
  g_assert_cmpfloat (y.max / 100, >=, 0.3);
  g_assert_cmpfloat (y.max, <=, 60);
  g_assert_cmpfloat (y.step, >=, 1);

  /* The tooltip shows a percentage; the gap shows "—". */
  herald_chart_value_to_point (chart, first_day () + 40, 0.1, &p);
  g_assert_true (herald_chart_hover_at (chart, p.x, p.y));
  text = herald_chart_dup_hover_text (chart);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "%\n"));
  g_assert_true (g_str_has_suffix (text, ": —"));

  /* The table shows percentages, the raw cells plain ratios. */
  table = herald_chart_dup_table (chart);
  g_assert_nonnull (strchr (((char **) g_ptr_array_index (table->rows, 0))[1], '%'));
  g_assert_cmpfloat (g_ascii_strtod (((char **) g_ptr_array_index (table->raw_rows, 0))[1], NULL), ==,
                     open_rates[0]);
  description = herald_chart_dup_description (chart);
  g_assert_nonnull (strstr (description, "%"));

  g_free (herald_test_screenshot (GTK_WIDGET (window), "chart-rates"));
  gtk_window_destroy (window);
  herald_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  herald_test_gui_init (&argc, &argv);

  g_test_add_func ("/herald/chart/objects", test_objects);
  g_test_add ("/herald/chart/axes", Fixture, NULL, fixture_set_up, test_axes, fixture_tear_down);
  g_test_add ("/herald/chart/hover", Fixture, NULL, fixture_set_up, test_hover, fixture_tear_down);
  g_test_add ("/herald/chart/model-changes", Fixture, NULL, fixture_set_up, test_model_changes, fixture_tear_down);
  g_test_add ("/herald/chart/table-and-description", Fixture, NULL, fixture_set_up,
              test_table_and_description, fixture_tear_down);
  g_test_add ("/herald/chart/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/herald/chart/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add_func ("/herald/chart/columns-and-funnel", test_columns_and_funnel);
  g_test_add_func ("/herald/chart/patterns", test_patterns);
  g_test_add_func ("/herald/chart/palettes", test_palettes);
  g_test_add_func ("/herald/chart/percent", test_percent);

  return g_test_run ();
}
