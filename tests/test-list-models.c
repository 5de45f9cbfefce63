/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-list-models.c: the paging list models over real SQLite files: every
 * item in order, random access, and precise items-changed. */

#include "config.h"

#include "herald.h"
#include "herald-list-pager.h"
#include "herald-test-store.h"

typedef struct
{
  char        *dir;
  HeraldStore *store;
  GArray      *changes;  /* guint triples: position, removed, added */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = herald_test_store_dir_new ();
  path = g_build_filename (f->dir, "herald.db", NULL);
  f->store = herald_store_open (path, &error);
  g_assert_no_error (error);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  herald_test_store_dir_remove (f->dir);
  g_free (f->dir);
  g_array_unref (f->changes);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_array_append_val (f->changes, position);
  g_array_append_val (f->changes, removed);
  g_array_append_val (f->changes, added);
}

static void
assert_changes (Fixture *f,
                guint    n,
                ...)
{
  va_list ap;

  g_assert_cmpuint (f->changes->len, ==, n * 3);
  va_start (ap, n);
  for (guint i = 0; i < n * 3; i++)
    g_assert_cmpuint (g_array_index (f->changes, guint, i), ==, va_arg (ap, guint));
  va_end (ap);
  g_array_set_size (f->changes, 0);
}

static void
add_campaigns (Fixture *f,
               guint    n)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("Kampagne %04u", i * 10);

      herald_campaign_set_name (c, name);
      herald_campaign_set_status (c, i % 3 ? HERALD_CAMPAIGN_STATUS_DRAFT : HERALD_CAMPAIGN_STATUS_RUNNING);
      herald_campaign_set_target_count (c, (gint64) (i * 7919) % 1000);
      g_ptr_array_add (batch, c);
    }
  herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error);
  g_assert_no_error (error);
}

/* The model shows exactly what a fresh keyset walk of the store returns. */
static void
assert_matches_store (Fixture             *f,
                      GListModel          *model,
                      HeraldCampaignQuery *query)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HeraldCampaign *after = NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) page = herald_store_list_campaigns (f->store, query, after, 50, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      after = g_ptr_array_index (all, all->len - 1);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all->len);
  /* backwards, so that pages are reached without their predecessors */
  for (guint i = all->len; i-- > 0;)
    {
      g_autoptr(HeraldRecord) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_cmpstr (herald_record_get_id (item), ==, herald_record_get_id (g_ptr_array_index (all, i)));
    }
  g_assert_null (g_list_model_get_item (model, all->len));
}

static void
test_campaign_paging (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  g_autoptr(HeraldCampaign) item = NULL;

  add_campaigns (f, 1000);
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, FALSE);
  list = herald_campaign_list_new (f->store, q);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HERALD_TYPE_CAMPAIGN);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);

  /* a jump into the middle reads one page, not everything before it */
  item = g_list_model_get_item (G_LIST_MODEL (list), 777);
  g_assert_cmpstr (herald_campaign_get_name (item), ==, "Kampagne 7770");

  assert_matches_store (f, G_LIST_MODEL (list), q);

  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_TARGET_COUNT, TRUE);
  herald_campaign_query_set_status (q, HERALD_CAMPAIGN_STATUS_RUNNING);
  herald_campaign_list_set_query (list, q);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 334);
  assert_matches_store (f, G_LIST_MODEL (list), q);
}

static void
test_campaign_lru (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint n;

  /* more pages than the cache holds: evicted pages come back right */
  add_campaigns (f, 9000);
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, TRUE);
  list = herald_campaign_list_new (f->store, q);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 9000);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldCampaign) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      /* descending by name, never out of order across pages */
      if (previous != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (previous, herald_campaign_get_name (c)), >, 0);
      g_free (previous);
      previous = g_strdup (herald_campaign_get_name (c));
      g_ptr_array_add (ids, g_strdup (herald_record_get_id (HERALD_RECORD (c))));
    }
  /* backwards: every page was evicted and is fetched again */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(HeraldCampaign) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (c)), ==, g_ptr_array_index (ids, i));
    }
}

static void
test_campaign_changes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) item = NULL;

  add_campaigns (f, 500);
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, FALSE);
  list = herald_campaign_list_new (f->store, q);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), f);
  /* look at a few pages so that there is a cache to invalidate */
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 300);

  /* insert between "Kampagne 1230" (123) and "Kampagne 1240" (124) */
  herald_campaign_set_name (c, "Kampagne 1235");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 124, 0, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 124);
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (item)), ==, herald_record_get_id (HERALD_RECORD (c)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 501);

  /* a change that keeps the place: one row replaced */
  herald_campaign_set_description (c, "Neue Beschreibung");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 124, 1, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 124);
  g_assert_cmpstr (herald_campaign_get_description (item), ==, "Neue Beschreibung");

  /* a rename moves it */
  herald_campaign_set_name (c, "Kampagne 4005");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 2, 124, 1, 0, 401, 0, 1);
  assert_matches_store (f, G_LIST_MODEL (list), q);

  /* leaving the filter removes it, a delete too */
  herald_campaign_query_set_status (q, HERALD_CAMPAIGN_STATUS_DRAFT);
  herald_campaign_list_set_query (list, q);
  g_array_set_size (f->changes, 0);
  g_assert_true (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_RUNNING, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (f->changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, 0);
  g_array_set_size (f->changes, 0);
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 0);
  assert_matches_store (f, G_LIST_MODEL (list), q);

  /* a bulk change reloads */
  add_campaigns (f, 100);
  g_assert_cmpuint (f->changes->len, ==, 3);
  assert_matches_store (f, G_LIST_MODEL (list), q);
}

static void
test_campaign_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) item = NULL;

  add_campaigns (f, 50);
  herald_campaign_query_set_search (q, "herbst");
  list = herald_campaign_list_new (f->store, q);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  herald_campaign_set_name (c, "Herbstaktion");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 0, 0, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (herald_campaign_get_name (item), ==, "Herbstaktion");

  herald_campaign_set_name (c, "Winteraktion");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* n campaigns "Herbst 0000" … by name; every third is running. */
static GPtrArray *
add_autumn_campaigns (Fixture *f,
                      guint    n)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      HeraldCampaign *c = herald_campaign_new ();
      g_autofree char *name = g_strdup_printf ("Herbst %04u", i);

      herald_campaign_set_name (c, name);
      herald_campaign_set_status (c, i % 3 ? HERALD_CAMPAIGN_STATUS_DRAFT : HERALD_CAMPAIGN_STATUS_RUNNING);
      g_ptr_array_add (batch, c);
    }
  herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error);
  g_assert_no_error (error);
  return batch;
}

static void
assert_count (Fixture             *f,
              GListModel          *model,
              HeraldCampaignQuery *query,
              guint                expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (herald_store_count_campaigns (f->store, query, &error), ==, expected);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
}

/* With a text search, a change of a record on a page the list never
 * fetched keeps the model exact: the old version's membership does not
 * depend on what is cached. */
static void
test_campaign_search_uncached (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  g_autoptr(GPtrArray) all = add_autumn_campaigns (f, 1000);
  g_autoptr(HeraldCampaign) item = NULL;
  HeraldCampaign *c;

  herald_campaign_query_set_search (q, "herbst");
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, FALSE);
  list = herald_campaign_list_new (f->store, q);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), f);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);   /* page 0 only */
  assert_count (f, G_LIST_MODEL (list), q, 1000);

  /* still matching, same place: one row replaced */
  c = g_ptr_array_index (all, 500);
  herald_campaign_set_description (c, "Laub und Kastanien");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  assert_changes (f, 1, 500, 1, 1);
  assert_count (f, G_LIST_MODEL (list), q, 1000);

  /* renamed within the search: a move */
  herald_campaign_set_name (c, "Herbst 0100b");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 2, 500, 1, 0, 101, 0, 1);
  assert_count (f, G_LIST_MODEL (list), q, 1000);

  /* out of the search */
  c = g_ptr_array_index (all, 600);
  herald_campaign_set_name (c, "Winter 0600");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 600, 1, 0);
  assert_count (f, G_LIST_MODEL (list), q, 999);

  /* and back into it */
  herald_campaign_set_name (c, "Herbst 0600");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 600, 0, 1);
  assert_count (f, G_LIST_MODEL (list), q, 1000);

  /* a campaign outside the search, edited, stays out */
  herald_campaign_set_name (c, "Winter 0600");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_array_set_size (f->changes, 0);
  herald_campaign_set_description (c, "Schnee");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 0);
  assert_count (f, G_LIST_MODEL (list), q, 999);

  /* deleted from an uncached page */
  c = g_ptr_array_index (all, 700);
  g_assert_true (herald_store_delete (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  assert_changes (f, 1, 699, 1, 0);
  assert_count (f, G_LIST_MODEL (list), q, 998);
  assert_matches_store (f, G_LIST_MODEL (list), q);
  g_array_set_size (f->changes, 0);

  /* with a status filter beside the search: a running match that pauses
   * leaves, although its text still matches */
  herald_campaign_query_set_status (q, HERALD_CAMPAIGN_STATUS_RUNNING);
  herald_campaign_list_set_query (list, q);
  g_array_set_size (f->changes, 0);
  assert_count (f, G_LIST_MODEL (list), q, 333);
  c = g_ptr_array_index (all, 900);   /* running, the 300th of them */
  g_assert_true (herald_store_transition_campaign (f->store, c, HERALD_CAMPAIGN_STATUS_PAUSED, &error));
  g_assert_no_error (error);
  assert_changes (f, 1, 299, 1, 0);
  assert_count (f, G_LIST_MODEL (list), q, 332);
  assert_matches_store (f, G_LIST_MODEL (list), q);
}

/* The same after the page was evicted from the cache. */
static void
test_campaign_search_evicted (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaignQuery) q = herald_campaign_query_new ();
  g_autoptr(HeraldCampaignList) list = NULL;
  guint n = (HERALD_LIST_MAX_PAGES + 6) * HERALD_LIST_PAGE_SIZE;
  g_autoptr(GPtrArray) all = add_autumn_campaigns (f, n);
  HeraldCampaign *c;

  herald_campaign_query_set_search (q, "herb");
  herald_campaign_query_set_sort (q, HERALD_CAMPAIGN_SORT_NAME, FALSE);
  list = herald_campaign_list_new (f->store, q);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), f);
  /* read everything: the first 6 pages leave the cache */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeraldCampaign) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (item);
    }

  /* row 10 (page 0, evicted) moves to the end */
  c = g_ptr_array_index (all, 10);
  herald_campaign_set_name (c, "Herbst 9999");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  g_assert_no_error (error);
  assert_changes (f, 2, 10, 1, 0, n - 1, 0, 1);
  assert_count (f, G_LIST_MODEL (list), q, n);

  /* row 20 leaves the search */
  c = g_ptr_array_index (all, 20);
  herald_campaign_set_name (c, "Sommer");
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (c), &error));
  assert_changes (f, 1, 19, 1, 0);
  assert_count (f, G_LIST_MODEL (list), q, n - 1);
  assert_matches_store (f, G_LIST_MODEL (list), q);
}

static void
test_recipients (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) other = herald_campaign_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HeraldRecipientList) list = NULL;
  g_autoptr(HeraldRecipient) r = herald_recipient_new ();
  g_autoptr(HeraldRecipient) item = NULL;

  herald_campaign_set_name (c, "Empfängertest");
  herald_campaign_set_name (other, "Andere");
  g_ptr_array_add (batch, g_object_ref (c));
  g_ptr_array_add (batch, g_object_ref (other));
  for (guint i = 0; i < 1000; i++)
    {
      HeraldRecipient *rr = herald_recipient_new ();
      g_autofree char *addr = g_strdup_printf ("kunde%04u@%s.example", i, i % 4 ? "mail" : "firma");

      herald_recipient_set_campaign_id (rr, herald_record_get_id (HERALD_RECORD (i % 10 == 9 ? other : c)));
      herald_recipient_set_address (rr, addr);
      herald_recipient_set_status (rr, i % 5 ? HERALD_RECIPIENT_STATUS_DELIVERED : HERALD_RECIPIENT_STATUS_BOUNCED);
      g_ptr_array_add (batch, rr);
    }
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));

  list = herald_recipient_list_new (f->store, herald_record_get_id (HERALD_RECORD (c)));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 900);
  item = g_list_model_get_item (G_LIST_MODEL (list), 899);
  g_assert_cmpstr (herald_recipient_get_address (item), ==, "kunde0998@mail.example");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (herald_recipient_get_address (item), ==, "kunde0000@firma.example");
  g_clear_object (&item);

  herald_recipient_list_set_status (list, HERALD_RECIPIENT_STATUS_BOUNCED);
  assert_changes (f, 1, 0, 900, 200);
  herald_recipient_list_set_search (list, "FIRMA");
  assert_changes (f, 1, 0, 200, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(HeraldRecipient) x = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (strstr (herald_recipient_get_address (x), "firma"));
      g_assert_cmpint (herald_recipient_get_status (x), ==, HERALD_RECIPIENT_STATUS_BOUNCED);
    }

  /* a new matching recipient appears in its place */
  herald_recipient_set_campaign_id (r, herald_record_get_id (HERALD_RECORD (c)));
  herald_recipient_set_address (r, "kunde0001@firma.example");
  herald_recipient_set_status (r, HERALD_RECIPIENT_STATUS_BOUNCED);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (r), &error));
  g_assert_no_error (error);
  assert_changes (f, 1, 1, 0, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (item)), ==, herald_record_get_id (HERALD_RECORD (r)));
  g_clear_object (&item);

  /* delivered now: it leaves the bounced list */
  herald_recipient_set_status (r, HERALD_RECIPIENT_STATUS_DELIVERED);
  g_assert_true (herald_store_save (f->store, HERALD_RECORD (r), &error));
  assert_changes (f, 1, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 50);
}

static int
trace_recipients_cb (unsigned  type,
                     void     *data,
                     void     *p,
                     void     *x)
{
  GPtrArray *seen = data;
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && strstr (sql, "EXPLAIN") == NULL)
    g_ptr_array_add (seen, g_strdup (sql));
  return 0;
}

static char *
query_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

/* Opening a campaign's recipient list, with or without a status filter,
 * and the store's counts read recipient_counts: no statement touches
 * recipients, so no COUNT over them.  With an address search the matching
 * rows are counted (which the trace sees). */
static void
test_recipients_count_plan (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldCampaign) c = herald_campaign_new ();
  g_autoptr(HeraldCampaign) other = herald_campaign_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeraldRecipientList) list = NULL;
  sqlite3 *db = herald_store_get_read_handle (f->store);
  const char *id;
  gint64 counts[HERALD_RECIPIENT_STATUS_FAILED + 1];
  gboolean counted_search = FALSE;

  herald_campaign_set_name (c, "Zählplan");
  herald_campaign_set_name (other, "Andere");
  g_ptr_array_add (batch, g_object_ref (c));
  g_ptr_array_add (batch, g_object_ref (other));
  for (guint i = 0; i < 350; i++)
    {
      HeraldRecipient *r = herald_recipient_new ();
      g_autofree char *addr = g_strdup_printf ("kunde%04u@example.org", i);

      herald_recipient_set_campaign_id (r, herald_record_get_id (HERALD_RECORD (i < 300 ? c : other)));
      herald_recipient_set_address (r, addr);
      herald_recipient_set_status (r, i % 5);
      g_ptr_array_add (batch, r);
    }
  g_assert_true (herald_store_save_many (f->store, batch, HERALD_STORE_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  id = herald_record_get_id (HERALD_RECORD (c));

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_recipients_cb, seen);
  list = herald_recipient_list_new (f->store, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
  herald_recipient_list_set_status (list, HERALD_RECIPIENT_STATUS_BOUNCED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  herald_recipient_list_set_sort (list, HERALD_RECIPIENT_SORT_ADDED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  g_assert_cmpint (herald_store_count_recipients (f->store, id, -1, NULL, &error), ==, 300);
  g_assert_cmpint (herald_store_count_recipients (f->store, id, HERALD_RECIPIENT_STATUS_SENT, NULL, &error), ==, 60);
  g_assert_true (herald_store_count_recipients_by_status (f->store, id, counts, &error));
  g_assert_no_error (error);
  for (int s = 0; s <= HERALD_RECIPIENT_STATUS_FAILED; s++)
    g_assert_cmpint (counts[s], ==, 60);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_assert_cmpuint (seen->len, >=, 5);
  for (guint i = 0; i < seen->len; i++)
    {
      const char *sql = seen->pdata[i];
      g_autofree char *plan = query_plan (db, sql);

      g_test_message ("%s\n%s", sql, plan);
      g_assert_null (strstr (sql, "FROM recipients "));
      g_assert_nonnull (strstr (plan, "SEARCH recipient_counts USING PRIMARY KEY (campaign_id=?"));
      g_assert_null (strstr (plan, "SCAN"));
      g_assert_null (strstr (plan, " recipients "));
    }

  /* a search counts the matching rows */
  g_ptr_array_set_size (seen, 0);
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_recipients_cb, seen);
  herald_recipient_list_set_search (list, "KUNDE00");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);
  g_assert_cmpint (herald_store_count_recipients (f->store, id, HERALD_RECIPIENT_STATUS_BOUNCED, "kunde00", &error),
                   ==, 20);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  for (guint i = 0; i < seen->len; i++)
    counted_search |= strstr (seen->pdata[i], "count(*) FROM recipients WHERE") != NULL;
  g_assert_true (counted_search);

  herald_recipient_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  herald_recipient_list_set_status (list, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/herald/list-models/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("campaign-paging", test_campaign_paging);
  ADD ("campaign-lru", test_campaign_lru);
  ADD ("campaign-changes", test_campaign_changes);
  ADD ("campaign-search", test_campaign_search);
  ADD ("campaign-search-uncached", test_campaign_search_uncached);
  ADD ("campaign-search-evicted", test_campaign_search_evicted);
  ADD ("recipients", test_recipients);
  ADD ("recipients-count-plan", test_recipients_count_plan);
#undef ADD

  return g_test_run ();
}
