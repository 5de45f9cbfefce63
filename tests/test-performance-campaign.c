/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-performance-campaign.c: the campaign performance widget and its
 * exports on the demo data, with expected numbers
 * computed independently in SQL on a second connection. */

#include "config.h"

#include <adwaita.h>
#include <csv.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include "herald-application.h"
#include "herald-campaign-performance.h"
#include "herald-test-gui.h"

/* One application per process: it owns a name on the session bus. */
static HeraldApplication *app;

typedef struct
{
  HeraldStore       *store;
  sqlite3           *db;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (GPOINTER_TO_INT (data))
    f->store = g_object_ref (herald_application_get_store (app));
  else
    {
      g_autofree char *path = herald_test_make_store_path ();

      f->store = herald_store_open (path, NULL);
      g_assert_nonnull (f->store);
    }
  g_assert_cmpint (sqlite3_open_v2 (herald_store_get_path (f->store), &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1180, 1000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  herald_test_spin (20);
  sqlite3_close (f->db);
  g_clear_object (&f->store);
}

/* One integer from SQL, with up to two text parameters. */
static gint64
sql_int (Fixture    *f,
         const char *sql,
         const char *p1,
         const char *p2)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (p1 != NULL)
    sqlite3_bind_text (stmt, 1, p1, -1, SQLITE_TRANSIENT);
  if (p2 != NULL)
    sqlite3_bind_text (stmt, 2, p2, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3_stmt *stmt;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The demo campaign with the most days of data. */
static HeraldCampaign *
busiest_campaign (Fixture *f)
{
  g_autofree char *id = sql_text (f, "SELECT campaign_id FROM performance GROUP BY campaign_id "
                                     "ORDER BY count (*) DESC, campaign_id LIMIT 1");
  HeraldCampaign *campaign = herald_store_get_campaign (f->store, id, NULL);

  g_assert_nonnull (campaign);
  return campaign;
}

static HeraldCampaignPerformance *
show_campaign (Fixture        *f,
               HeraldCampaign *campaign)
{
  GtkWidget *widget = herald_campaign_performance_new (f->store);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  herald_campaign_performance_set_campaign (HERALD_CAMPAIGN_PERFORMANCE (widget), campaign);
  gtk_widget_set_margin_top (widget, 24);
  gtk_widget_set_margin_bottom (widget, 24);
  gtk_widget_set_margin_start (widget, 24);
  gtk_widget_set_margin_end (widget, 24);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), widget);
  gtk_window_set_child (f->window, scroller);
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (widget);
  return HERALD_CAMPAIGN_PERFORMANCE (widget);
}

static void
test_campaign (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  HeraldChart *chart = herald_campaign_performance_get_chart (perf);
  HeraldChart *funnel = herald_campaign_performance_get_funnel (perf);
  HeraldChartLayer *funnel_layer;
  g_autoptr(GListModel) layers = NULL;
#define SUM_SQL "SELECT sum (%s) FROM performance WHERE campaign_id = ?1"
  const char *columns[] = { "sent_count", "delivered_count", "open_count", "click_count", "conversion_count" };
  g_autofree char *revenue = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeraldChartTable) table = NULL;
  gint64 r, s;

  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_ALL);

  /* Funnel: the audience, then the sums over all days. */
  {
    g_autoptr(HeraldChartTable) ft = herald_chart_dup_table (funnel);

    g_assert_cmpuint (ft->rows->len, ==, 6);
    for (guint i = 0; i < 6; i++)
      {
        gint64 expected;
        g_autofree char *count = NULL;

        if (i == 0)
          expected = herald_campaign_get_target_count (campaign);
        else
          {
            g_autofree char *sql = g_strdup_printf (SUM_SQL, columns[i - 1]);
            expected = sql_int (f, sql, id, NULL);
          }
        count = herald_format_count (expected);
        g_assert_cmpstr (((char **) g_ptr_array_index (ft->rows, i))[1], ==, count);
      }
  }
  (void) funnel_layer;
  (void) layers;

  /* Revenue, spent, ROI. */
  r = sql_int (f, "SELECT sum (revenue) FROM performance WHERE campaign_id = ?1", id, NULL);
  s = sql_int (f, "SELECT sum (spent) FROM performance WHERE campaign_id = ?1", id, NULL);
  revenue = herald_format_money (r, herald_campaign_get_currency (campaign));
  text = herald_campaign_performance_dup_money_text (perf, 0);
  g_assert_cmpstr (text, ==, revenue);
  g_clear_pointer (&text, g_free);
  text = herald_campaign_performance_dup_money_text (perf, 2);
  if (s > 0)
    {
      g_autofree char *roi = herald_format_percent ((double) (r - s) / s, 1);
      g_assert_cmpstr (text, ==, roi);
    }
  else
    g_assert_cmpstr (text, ==, HERALD_NO_VALUE);

  /* Default series: opens, clicks, conversions; toggling adds sent. */
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpstr (table->headers[1], ==, _("Opens"));
  g_clear_pointer (&table, herald_chart_table_free);
  herald_campaign_performance_set_series_visible (perf, HERALD_PERFORMANCE_SERIES_SENT, TRUE);
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->n_columns, ==, 5);
  g_assert_cmpstr (table->headers[1], ==, _("Sent"));

  /* The sum of the daily sent column is the total. */
  {
    gint64 sum = 0;
    g_autofree char *sql = g_strdup_printf (SUM_SQL, "sent_count");

    for (guint i = 0; i < table->raw_rows->len; i++)
      sum += g_ascii_strtoll (((char **) g_ptr_array_index (table->raw_rows, i))[1], NULL, 10);
    g_assert_cmpint (sum, ==, sql_int (f, sql, id, NULL));
  }

  /* A shorter period has fewer days. */
  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_LAST_7_DAYS);
  g_clear_pointer (&table, herald_chart_table_free);
  table = herald_chart_dup_table (chart);
  g_assert_cmpuint (table->rows->len, ==, 7);

  /* Every chart describes itself for screen readers. */
  g_clear_pointer (&text, g_free);
  text = herald_chart_dup_description (funnel);
  g_assert_nonnull (strstr (text, _("Delivered")));
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
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);
  HeraldCampaignPerformance *perf = show_campaign (f, campaign);
  g_autofree char *dir = g_dir_make_tmp ("herald-performance-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *contents = NULL;
  struct csv_parser parser;
  CsvState state = { g_ptr_array_new (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  gsize length;
  xmlDoc *doc;

  herald_date_range_set_preset (herald_campaign_performance_get_date_range (perf), HERALD_DATE_RANGE_LAST_30_DAYS);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_SVG, svg, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);

  g_assert_true (herald_campaign_performance_export (perf, HERALD_PERFORMANCE_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_cmpint (csv_init (&parser, CSV_STRICT | CSV_APPEND_NULL), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, contents, length, csv_field_cb, csv_row_cb, &state), ==, length);
  csv_fini (&parser, csv_field_cb, csv_row_cb, &state);
  csv_free (&parser);

  /* Header plus 30 days, the same numbers as the chart's table. */
  table = herald_chart_dup_table (herald_campaign_performance_get_chart (perf));
  g_assert_cmpuint (state.rows->len, ==, 31);
  g_assert_cmpuint (table->raw_rows->len, ==, 30);
  g_assert_cmpstr (((char **) g_ptr_array_index (state.rows, 0))[1], ==, _("Opens"));
  for (guint i = 0; i < 30; i++)
    {
      char **row = g_ptr_array_index (state.rows, i + 1);
      char **raw = g_ptr_array_index (table->raw_rows, i);

      for (guint c = 0; c < table->n_columns; c++)
        g_assert_cmpstr (row[c], ==, raw[c]);
    }

  g_ptr_array_unref (state.rows);
  g_ptr_array_free (state.row, TRUE);
  g_unlink (png);
  g_unlink (svg);
  g_unlink (csv);
  g_rmdir (dir);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *schemes[] = { "light", "dark" };
  g_autoptr(HeraldCampaign) campaign = busiest_campaign (f);

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *name = g_strdup_printf ("campaign-performance-%s", schemes[d]);
      g_autofree char *path = NULL;
      GtkWidget *widget;

      adw_style_manager_set_color_scheme (style, d ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      widget = GTK_WIDGET (show_campaign (f, campaign));
      herald_test_spin (300);
      path = herald_test_screenshot (GTK_WIDGET (f->window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_pointer (&path, g_free);

      /* And scrolled to the end, where the money is. */
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (gtk_widget_get_parent (widget))));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
      herald_test_spin (200);
      g_free (name);
      name = g_strdup_printf ("campaign-performance-end-%s", schemes[d]);
      path = herald_test_screenshot (GTK_WIDGET (f->window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  herald_test_gui_init (&argc, &argv);
  app = herald_test_app_new (TRUE);

  g_test_add ("/herald/performance/campaign", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_campaign, fixture_tear_down);
  g_test_add ("/herald/performance/export", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/herald/performance/campaign-screenshots", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshots, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
