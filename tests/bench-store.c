/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c: figures of the local store, printed, not asserted.
 *
 *   build-<name>/tests/bench-store [--campaigns=100000] [--recipients=1000000]
 *                             [--events=200000] [--dir=DIR] [--keep]
 *
 * Generates the data in a fresh database, then prints insert rows/s, the
 * cost of one interactive edit, the time to open a 1M-row recipient list,
 * page fetch latency at its start, middle and end, its status filter and
 * address search, the page latency of the
 * campaign list for every sort key, search latency over the campaigns and
 * the peak RSS. */

#include "config.h"

#include <sys/resource.h>

#include <glib/gstdio.h>

#include "herald.h"

#define BATCH 20000

static int n_campaigns = 100000;
static int n_recipients = 1000000;
static int n_events = 200000;
static char *dir_option;
static gboolean keep;

static const GOptionEntry entries[] = {
  { "campaigns", 0, 0, G_OPTION_ARG_INT, &n_campaigns, "Campaigns to generate", "N" },
  { "recipients", 0, 0, G_OPTION_ARG_INT, &n_recipients, "Recipients of one campaign", "N" },
  { "events", 0, 0, G_OPTION_ARG_INT, &n_events, "Events to generate", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Directory for the database", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the database", NULL },
  { NULL }
};

static const char * const words[] = {
  "Frühjahr", "Sommer", "Herbst", "Winter", "Newsletter", "Sale", "Rabatt", "Gutschein",
  "Welcome", "Reminder", "Black", "Friday", "Cyber", "Monday", "Ostern", "Weihnachten",
  "Produkt", "Launch", "Umfrage", "Treue", "VIP", "Flash", "Update", "Event",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
flush (HeraldStore  *store,
       GPtrArray    *batch,
       double       *elapsed)
{
  g_autoptr(GError) error = NULL;
  double t0 = now_ms ();

  if (!herald_store_save_many (store, batch, HERALD_STORE_ORIGIN_REMOTE, &error))
    g_error ("insert failed: %s", error->message);
  *elapsed += now_ms () - t0;
  g_ptr_array_set_size (batch, 0);
}

static double
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) : 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
fetch_ms (GListModel *model,
          guint       position)
{
  double t0 = now_ms ();
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  if (item == NULL)
    g_error ("no item at %u", position);
  return now_ms () - t0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark the Herald store");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldStore) store = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldCampaign) big = herald_campaign_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double elapsed;
  struct rusage usage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  dir = dir_option ? g_strdup (dir_option) : g_dir_make_tmp ("herald-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);
  store = herald_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("database: %s\n", path);

  /* campaigns */
  elapsed = 0;
  herald_campaign_set_name (big, "Großversand an alle");
  g_ptr_array_add (batch, g_object_ref (big));
  for (int i = 0; i < n_campaigns; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("%s %s %d",
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      g_autoptr(GDateTime) updated = g_date_time_add_minutes (base, i);
      g_autoptr(GDateTime) scheduled = g_date_time_add_hours (base, g_rand_int_range (rand, 0, 24 * 365));
      g_autoptr(GDateTime) started = g_date_time_add_hours (scheduled, g_rand_int_range (rand, 0, 48));

      herald_campaign_set_name (c, name);
      herald_campaign_set_description (c, words[i % G_N_ELEMENTS (words)]);
      herald_campaign_set_campaign_type (c, i % 4);
      herald_campaign_set_status (c, i % 6);
      herald_campaign_set_sent_count (c, g_rand_int_range (rand, 0, 100000));
      herald_campaign_set_delivered_count (c, herald_campaign_get_sent_count (c) * 95 / 100);
      herald_campaign_set_open_count (c, herald_campaign_get_delivered_count (c) / 3);
      herald_campaign_set_click_count (c, herald_campaign_get_delivered_count (c) / g_rand_int_range (rand, 5, 40));
      herald_campaign_set_target_count (c, herald_campaign_get_sent_count (c) + g_rand_int_range (rand, 0, 1000));
      herald_campaign_set_budget (c, g_rand_int_range (rand, 0, 1000) * 1000);
      herald_campaign_set_spent (c, herald_campaign_get_budget (c) / g_rand_int_range (rand, 1, 4));
      /* drafts have no schedule; running and later ones started */
      if (i % 6 != HERALD_CAMPAIGN_STATUS_DRAFT)
        herald_campaign_set_scheduled_at (c, scheduled);
      if (i % 6 >= HERALD_CAMPAIGN_STATUS_RUNNING)
        herald_campaign_set_started_at (c, started);
      herald_record_set_updated_at (HERALD_RECORD (c), updated);
      g_ptr_array_add (batch, c);
      if (batch->len == BATCH)
        flush (store, batch, &elapsed);
    }
  flush (store, batch, &elapsed);
  g_print ("insert campaigns:   %9d rows in %7.0f ms = %8.0f rows/s\n",
           n_campaigns + 1, elapsed, (n_campaigns + 1) / (elapsed / 1000.0));

  /* recipients of one campaign */
  elapsed = 0;
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
        flush (store, batch, &elapsed);
    }
  flush (store, batch, &elapsed);
  g_print ("insert recipients:  %9d rows in %7.0f ms = %8.0f rows/s\n",
           n_recipients, elapsed, n_recipients / (elapsed / 1000.0));

  /* events */
  elapsed = 0;
  for (int i = 0; i < n_events; i++)
    {
      HeraldEvent *e = herald_event_new ();
      g_autoptr(GDateTime) at = g_date_time_add_seconds (base, i * 7.0);

      herald_event_set_campaign_id (e, herald_record_get_id (HERALD_RECORD (big)));
      herald_event_set_event_type (e, i % 6);
      herald_event_set_timestamp (e, at);
      g_ptr_array_add (batch, e);
      if (batch->len == BATCH)
        flush (store, batch, &elapsed);
    }
  flush (store, batch, &elapsed);
  g_print ("insert events:      %9d rows in %7.0f ms = %8.0f rows/s\n",
           n_events, elapsed, n_events / (elapsed / 1000.0));

  /* one interactive edit: validate, diff, row, outbox, commit (FULL sync) */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < 200; i++)
      {
        g_autofree char *name = g_strdup_printf ("Großversand an alle (%d)", i);
        double t0 = now_ms (), t;

        herald_campaign_set_name (big, name);
        if (!herald_store_save (store, HERALD_RECORD (big), &error))
          g_error ("%s", error->message);
        t = now_ms () - t0;
        g_array_append_val (times, t);
      }
    g_array_sort (times, compare_double);
    g_print ("edit commit:        p50 %.2f ms, p99 %.2f ms (200 edits, synchronous=FULL)\n",
             g_array_index (times, double, 100), g_array_index (times, double, 197));
  }

  /* reading starts from a freshly opened store, as the app would */
  g_clear_object (&store);
  store = herald_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("RSS after reopening: %.1f MB\n", current_rss_kb () / 1024.0);

  /* the recipient list */
  {
    g_autoptr(HeraldRecipientList) list = NULL;
    double t0 = now_ms (), open_ms;
    guint n;

    list = herald_recipient_list_new (store, herald_record_get_id (HERALD_RECORD (big)));
    n = g_list_model_get_n_items (G_LIST_MODEL (list));
    open_ms = now_ms () - t0;
    g_print ("open recipient list: %u rows in %.1f ms\n", n, open_ms);
    if (n > 0)
      {
        g_print ("page fetch start:   %.2f ms\n", fetch_ms (G_LIST_MODEL (list), 0));
        g_print ("page fetch middle:  %.2f ms (first jump, walks the index)\n", fetch_ms (G_LIST_MODEL (list), n / 2));
        g_print ("page fetch middle+: %.2f ms (next page, anchor known)\n",
                 fetch_ms (G_LIST_MODEL (list), MIN (n - 1, n / 2 + 128)));
        g_print ("page fetch end:     %.2f ms (first jump)\n", fetch_ms (G_LIST_MODEL (list), n - 1));
        g_print ("page fetch end-1:   %.2f ms (previous page, anchor known)\n",
                 fetch_ms (G_LIST_MODEL (list), n > 128 * 2 ? n - 1 - 128 * 2 : 0));
      }
    /* the Recipients tab's status filter (the kept counts) and address
     * search (counts the matching rows) */
    t0 = now_ms ();
    herald_recipient_list_set_status (list, HERALD_RECIPIENT_STATUS_BOUNCED);
    g_print ("status filter:      %u rows in %.1f ms (count only)\n",
             g_list_model_get_n_items (G_LIST_MODEL (list)), now_ms () - t0);
    t0 = now_ms ();
    herald_recipient_list_set_search (list, "kunde00001");
    g_print ("address search:     %u rows in %.1f ms (count only, with the status filter)\n",
             g_list_model_get_n_items (G_LIST_MODEL (list)), now_ms () - t0);
  }

  /* the campaign list, every sort key, both directions: open (count) and
   * first page, first jump to the middle (walks the index), the page after
   * it, first jump to the end; then the first page with a status filter */
  {
    static const char * const sort_names[] = {
      "updated", "created", "name", "type", "status", "schedule", "started", "audience",
      "sent", "open rate", "click rate", "budget", "spent",
    };
    G_STATIC_ASSERT (G_N_ELEMENTS (sort_names) == HERALD_CAMPAIGN_SORT_SPENT + 1);

    g_print ("campaign list by sort key (ms): first page | middle, first jump | next page | end, first jump"
             " | first page of running ones\n");
    for (int sort = 0; sort <= HERALD_CAMPAIGN_SORT_SPENT; sort++)
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
          g_autoptr(HeraldCampaignList) list = NULL;
          g_autoptr(GObject) item = NULL;
          double t0 = now_ms (), first, middle, next, end, filtered;
          guint n;

          herald_campaign_query_set_sort (q, sort, descending);
          list = herald_campaign_list_new (store, q);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          item = g_list_model_get_item (G_LIST_MODEL (list), 0);
          first = now_ms () - t0;
          middle = fetch_ms (G_LIST_MODEL (list), n / 2);
          next = fetch_ms (G_LIST_MODEL (list), MIN (n - 1, n / 2 + 128));
          end = fetch_ms (G_LIST_MODEL (list), n - 1);
          g_clear_object (&item);
          herald_campaign_query_set_status (q, HERALD_CAMPAIGN_STATUS_RUNNING);
          t0 = now_ms ();
          herald_campaign_list_set_query (list, q);
          item = g_list_model_get_item (G_LIST_MODEL (list), 0);
          filtered = now_ms () - t0;
          g_print ("  %-10s %-4s %7.2f | %7.2f | %7.2f | %7.2f | %7.2f\n", sort_names[sort],
                   descending ? "desc" : "asc", first, middle, next, end, filtered);
        }
  }

  /* the campaign list and search */
  {
    g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
    g_autoptr(HeraldCampaignList) list = NULL;
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    const char *typed[] = { "f", "fr", "frü", "früh", "frühj", "s", "so", "som", "somm", "sale", "wei", "black fr" };
    double t0 = now_ms ();
    g_autoptr(GObject) first = NULL;

    list = herald_campaign_list_new (store, q);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_print ("open campaign list: %u rows, first page in %.1f ms\n",
             g_list_model_get_n_items (G_LIST_MODEL (list)), now_ms () - t0);

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        g_autoptr(GPtrArray) hits = NULL;
        double t;

        t0 = now_ms ();
        hits = herald_store_search_campaigns (store, typed[i], 50, &error);
        t = now_ms () - t0;
        g_array_append_val (times, t);
      }
    g_array_sort (times, compare_double);
    g_print ("search (50 best):   median %.2f ms, max %.2f ms over %u keystrokes\n",
             g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
             times->len);

    g_array_set_size (times, 0);
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        g_autoptr(HeraldCampaignQuery) sq = herald_campaign_query_new ();
        g_autoptr(GObject) item = NULL;
        double t;

        herald_campaign_query_set_search (sq, typed[i]);
        t0 = now_ms ();
        herald_campaign_list_set_query (list, sq);
        item = g_list_model_get_item (G_LIST_MODEL (list), 0);
        t = now_ms () - t0;
        g_array_append_val (times, t);
      }
    g_array_sort (times, compare_double);
    g_print ("search as list:     median %.2f ms, max %.2f ms (count + first page)\n",
             g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1));
  }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("RSS while browsing: %.1f MB (store open, after browsing both lists)\n", current_rss_kb () / 1024.0);
  g_print ("peak RSS:           %.1f MB (includes generating the data in batches of %d)\n",
           usage.ru_maxrss / 1024.0, BATCH);

  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      if (dir_option == NULL)
        g_rmdir (dir);
    }
  return 0;
}
