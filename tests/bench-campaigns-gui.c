/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-campaigns-gui.c: the Campaigns view on a big store.
 *
 *   GSETTINGS_SCHEMA_DIR=build/data GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
 *     xvfb-run -a -s '-screen 0 1280x800x24' build/tests/bench-campaigns-gui
 *
 * Fills a store in a temporary folder (100,000 campaigns and 1,000,000
 * recipients of one of them by default; --dir=PATH --keep to reuse one),
 * then measures with the frame clock: launch (store open, window, first
 * page of the list) to the first painted frame; opening the recipients
 * tab of the big campaign to its first painted frame; the campaign search
 * per keystroke (handler, and to the next painted frame); and the frame
 * intervals ("after-paint") while the recipients list scrolls.  A program,
 * not a test. */

#include "config.h"

#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "herald-application.h"
#include "herald-campaigns-view.h"
#include "herald-recipients-page.h"
#include "herald-window.h"

#define BATCH 20000

static int n_campaigns = 100000;
static int n_recipients = 1000000;
static char *dir_option;
static gboolean keep;
static gboolean search_only;

static const GOptionEntry entries[] = {
  { "campaigns", 0, 0, G_OPTION_ARG_INT, &n_campaigns, "Campaigns to create", "N" },
  { "recipients", 0, 0, G_OPTION_ARG_INT, &n_recipients, "Recipients of the big campaign", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Folder of the store (reused if it has one)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the store", NULL },
  { "search-only", 0, 0, G_OPTION_ARG_NONE, &search_only, "Stop after the search (for a profiler)", NULL },
  { NULL }
};

static const char * const words[] = {
  "Frühjahr", "Sommer", "Herbst", "Winter", "Newsletter", "Sale", "Rabatt", "Gutschein",
  "Welcome", "Reminder", "Black", "Friday", "Cyber", "Monday", "Ostern", "Weihnachten",
};

static double painted_at;
static guint n_paints;
static GArray *intervals;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread (the UI thread: it also renders with cairo), so
 * that figures on a busy machine say what the work costs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
flush (HeraldStore *store,
       GPtrArray   *batch)
{
  g_autoptr(GError) error = NULL;

  if (!herald_store_save_many (store, batch, HERALD_STORE_ORIGIN_REMOTE, &error))
    g_error ("insert failed: %s", error->message);
  g_ptr_array_set_size (batch, 0);
}

static char *
fill_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldStore) store = herald_store_open (path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldCampaign) big = herald_campaign_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  double t0 = now_ms ();

  if (store == NULL)
    g_error ("%s", error->message);
  herald_campaign_set_name (big, "Großversand an alle");
  herald_campaign_set_status (big, HERALD_CAMPAIGN_STATUS_RUNNING);
  herald_campaign_set_target_count (big, n_recipients);
  herald_record_set_updated_at (HERALD_RECORD (big), later);
  g_ptr_array_add (batch, g_object_ref (big));
  for (int i = 0; i < n_campaigns; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("%s %s %d",
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      g_autoptr(GDateTime) updated = g_date_time_add_minutes (base, i);

      herald_campaign_set_name (c, name);
      herald_campaign_set_campaign_type (c, i % 4);
      herald_campaign_set_status (c, i % 6);
      herald_campaign_set_sent_count (c, g_rand_int_range (rand, 0, 100000));
      herald_campaign_set_delivered_count (c, herald_campaign_get_sent_count (c) * 95 / 100);
      herald_campaign_set_open_count (c, herald_campaign_get_delivered_count (c) / 3);
      herald_record_set_updated_at (HERALD_RECORD (c), updated);
      g_ptr_array_add (batch, c);
      if (batch->len == BATCH)
        flush (store, batch);
    }
  flush (store, batch);
  for (int i = 0; i < n_recipients; i++)
    {
      HeraldRecipient *r = herald_recipient_new ();
      char address[64];

      g_snprintf (address, sizeof address, "kunde%07d@example.org", i);
      herald_recipient_set_campaign_id (r, herald_record_get_id (HERALD_RECORD (big)));
      herald_recipient_set_address (r, address);
      herald_recipient_set_status (r, i % 5);
      g_ptr_array_add (batch, r);
      if (batch->len == BATCH)
        flush (store, batch);
    }
  flush (store, batch);
  g_print ("filled %d campaigns and %d recipients in %.1f s\n",
           n_campaigns + 1, n_recipients, (now_ms () - t0) / 1000.0);
  return g_strdup (herald_record_get_id (HERALD_RECORD (big)));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  double t = now_ms ();

  if (intervals != NULL && painted_at > 0)
    g_array_append_val (intervals, (double) { t - painted_at });
  painted_at = t;
  n_paints++;
}

/* Runs the main loop until the next frame is painted; returns its time. */
static double
wait_for_paint (GtkWidget *widget)
{
  guint before = n_paints;

  gtk_widget_queue_draw (widget);
  while (n_paints == before)
    g_main_context_iteration (NULL, TRUE);
  return painted_at;
}

static void
spin (guint ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *values)
{
  g_array_sort (values, compare_double);
  g_print ("%-44s n=%u median %.1f ms, p95 %.1f ms, max %.1f ms\n", what, values->len,
           g_array_index (values, double, values->len / 2),
           g_array_index (values, double, (guint) (values->len * 0.95)),
           g_array_index (values, double, values->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the Campaigns view");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big_id = NULL;
  HeraldApplication *app;
  GtkWindow *window;
  HeraldCampaignsView *view;
  HeraldCampaignDetail *detail;
  HeraldRecipientsPage *recipients;
  GtkAdjustment *adjustment;
  GtkWidget *search;
  double t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_getenv ("GSETTINGS_BACKEND") == NULL)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = dir_option ? g_strdup (dir_option) : g_dir_make_tmp ("herald-bench-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    big_id = fill_store (path);
  else
    {
      g_autoptr(HeraldStore) store = herald_store_open (path, &error);
      g_autoptr(HeraldCampaignQuery) query = herald_campaign_query_new ();
      g_autoptr(GPtrArray) first = NULL;

      g_assert_no_error (error);
      herald_campaign_query_set_sort (query, HERALD_CAMPAIGN_SORT_UPDATED_AT, TRUE);
      first = herald_store_list_campaigns (store, query, NULL, 1, &error);
      big_id = g_strdup (herald_record_get_id (g_ptr_array_index (first, 0)));
    }

  /* launch: store, window, list, first painted frame */
  gtk_init ();
  adw_init ();
  t0 = now_ms ();
  app = herald_application_new ();
  herald_application_set_store_path (app, path);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1200, 800);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "campaigns");
  wait_for_paint (GTK_WIDGET (window));
  g_print ("%-44s %.0f ms\n", "launch to first frame of the list", painted_at - t0);
  view = HERALD_CAMPAIGNS_VIEW (find_widget (GTK_WIDGET (window), HERALD_TYPE_CAMPAIGNS_VIEW));
  g_print ("%-44s %u\n", "campaigns in the list",
           g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (herald_campaigns_view_get_column_view (view)))));
  spin (300);

  /* search per keystroke, typed one letter at a time */
  {
    static const char *typed = "sommer sale";
    g_autoptr(GArray) handler = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));

    g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
    HeraldStore *store = herald_application_get_store (app);

    /* the model alone: count and the first page, without any widget */
    for (guint i = 1; i <= strlen (typed); i++)
      {
        g_autoptr(HeraldCampaignQuery) query = herald_campaign_query_new ();
        g_autofree char *text = g_strndup (typed, i);
        g_autoptr(HeraldCampaignList) list = NULL;
        g_autoptr(GObject) first = NULL;
        double t1 = now_ms ();

        herald_campaign_query_set_search (query, text);
        herald_campaign_query_set_sort (query, HERALD_CAMPAIGN_SORT_UPDATED_AT, TRUE);
        list = herald_campaign_list_new (store, query);
        if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
          first = g_list_model_get_item (G_LIST_MODEL (list), 0);
        g_array_append_val (model, (double) { now_ms () - t1 });
      }
    print_stats ("search: model alone (count + first row)", model);

    search = find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
    for (guint i = 1; i <= strlen (typed); i++)
      {
        g_autofree char *text = g_strndup (typed, i);
        double t1, t2, c1;

        gtk_editable_set_text (GTK_EDITABLE (search), text);
        /* the entry's own 150 ms typing delay is left out */
        t1 = now_ms ();
        c1 = cpu_ms ();
        g_signal_emit_by_name (search, "search-changed");
        t2 = now_ms ();
        g_array_append_val (handler, (double) { t2 - t1 });
        wait_for_paint (GTK_WIDGET (window));
        g_array_append_val (frame, (double) { painted_at - t1 });
        g_array_append_val (frame_cpu, (double) { cpu_ms () - c1 });
        spin (50);
      }
    print_stats ("search: query per keystroke", handler);
    print_stats ("search: keystroke to painted frame", frame);
    print_stats ("search: keystroke to painted frame, CPU", frame_cpu);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
    wait_for_paint (GTK_WIDGET (window));
  }

  if (search_only)
    goto done;

  /* the recipients tab of the big campaign */
  g_assert_true (herald_campaigns_view_open_campaign (view, big_id));
  wait_for_paint (GTK_WIDGET (window));
  spin (300);
  detail = herald_campaigns_view_get_detail (view);
  t0 = now_ms ();
  {
    double c0 = cpu_ms ();

    /* the tab's first frame (the list opens right after it), then the
     * frame with the list's rows */
    herald_campaign_detail_show_page (detail, "recipients");
    wait_for_paint (GTK_WIDGET (window));
    recipients = HERALD_RECIPIENTS_PAGE (find_widget (GTK_WIDGET (detail), HERALD_TYPE_RECIPIENTS_PAGE));
    g_print ("%-44s %.0f ms, CPU %.0f ms\n", "open the recipients tab to its first frame",
             painted_at - t0, cpu_ms () - c0);
    while (herald_recipients_page_get_model (recipients) == NULL)
      g_main_context_iteration (NULL, TRUE);
    wait_for_paint (GTK_WIDGET (window));
    g_print ("%-44s %.0f ms, CPU %.0f ms (%u recipients)\n", "open the recipients tab to the rows painted",
             painted_at - t0, cpu_ms () - c0,
             g_list_model_get_n_items (herald_recipients_page_get_model (recipients)));
  }
  spin (300);

  /* scrolling: 4 rows of 300 pixels per frame, then jumps */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_widget (GTK_WIDGET (herald_recipients_page_get_column_view (recipients)),
                                                                               GTK_TYPE_LIST_VIEW)));
  intervals = g_array_new (FALSE, FALSE, sizeof (double));
  painted_at = 0;
  for (int i = 0; i < 300; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 300);
      wait_for_paint (GTK_WIDGET (window));
    }
  print_stats ("scroll recipients, 300 px per frame", intervals);
  g_array_set_size (intervals, 0);
  painted_at = 0;
  for (int i = 0; i < 20; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);

      gtk_adjustment_set_value (adjustment, upper * (i % 2 == 0 ? 0.5 + i / 50.0 : 0.1 + i / 40.0));
      wait_for_paint (GTK_WIDGET (window));
    }
  print_stats ("scroll recipients, jumps across the list", intervals);
  g_clear_pointer (&intervals, g_array_unref);

done:
  gtk_window_destroy (window);
  g_object_unref (app);
  if (!keep && dir_option == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  else
    g_print ("store kept in %s\n", dir);
  return 0;
}
