/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-row-model.c: HeraldRowModel over GListStores: stable rows per
 * position, items-changed only where the number of rows changes when the
 * model is replaced, other changes passed through exactly, stale rows
 * after the eager ones brought up to date on idle, on flush and when
 * asked for. */

#include "config.h"

#include <gio/gio.h>

#include "herald-row-model.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
notify_cb (GObject    *row,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* A store of @n actions named "<prefix>.nN": any GObject with a name
 * will do. */
static GListStore *
make_store (const char *prefix,
            guint       n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.n%u", prefix, i);
      g_autoptr(GSimpleAction) item = g_simple_action_new (name, NULL);

      g_list_store_append (store, item);
    }
  return store;
}

static const char *
row_name (HeraldRow *row)
{
  return g_action_get_name (G_ACTION (herald_row_get_item (row)));
}

static HeraldRow *
row_at (HeraldRowModel *model,
        guint           position)
{
  HeraldRow *row = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (row);
  g_assert_cmpuint (herald_row_get_position (row), ==, position);
  return row;
}

static void
test_row_model_replace (void)
{
  g_autoptr(HeraldRowModel) model = herald_row_model_new ();
  g_autoptr(GListStore) a = make_store ("a", 5);
  g_autoptr(GListStore) b = make_store ("b", 3);
  g_autoptr(GListStore) c = make_store ("c", 7);
  g_autoptr(HeraldRow) first = NULL;
  g_autoptr(HeraldRow) fourth = NULL;
  g_autoptr(HeraldRow) again = NULL;
  Change change = { 0 };
  guint notified = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == HERALD_TYPE_ROW);

  herald_row_model_set_model (model, G_LIST_MODEL (a));
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 5);
  first = row_at (model, 0);
  fourth = row_at (model, 3);
  g_assert_cmpstr (row_name (first), ==, "a.n0");
  g_assert_cmpstr (row_name (fourth), ==, "a.n3");
  /* one row per position while someone holds it */
  again = row_at (model, 0);
  g_assert_true (again == first);
  g_clear_object (&again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 5));

  /* fewer items: the rows that stay get theirs in place; only the end changes */
  g_signal_connect (first, "notify::item", G_CALLBACK (notify_cb), &notified);
  herald_row_model_set_model (model, G_LIST_MODEL (b));
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (row_name (first), ==, "b.n0");
  again = row_at (model, 0);
  g_assert_true (again == first);
  g_clear_object (&again);
  /* a row past the new end is dropped: its position is someone else's later */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* more items: added at the end */
  herald_row_model_set_model (model, G_LIST_MODEL (c));
  g_assert_cmpuint (change.count, ==, 3);
  g_assert_cmpuint (change.position, ==, 3);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 4);
  g_assert_cmpstr (row_name (first), ==, "c.n0");
  again = row_at (model, 3);
  g_assert_true (again != fourth);
  g_assert_cmpstr (row_name (again), ==, "c.n3");
  g_clear_object (&again);
  /* the dropped row still has what it had */
  g_assert_cmpstr (row_name (fourth), ==, "a.n3");

  /* the same count: no items-changed at all */
  {
    g_autoptr(GListStore) d = make_store ("d", 7);

    herald_row_model_set_model (model, G_LIST_MODEL (d));
    g_assert_cmpuint (change.count, ==, 3);
    g_assert_cmpstr (row_name (first), ==, "d.n0");
  }
  herald_row_model_set_model (model, NULL);
  g_assert_cmpuint (change.count, ==, 4);
  g_assert_cmpuint (change.removed, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_row_model_changes (void)
{
  g_autoptr(HeraldRowModel) model = herald_row_model_new ();
  g_autoptr(GListStore) a = make_store ("a", 5);
  g_autoptr(HeraldRow) second = NULL;
  g_autoptr(HeraldRow) third = NULL;
  g_autoptr(HeraldRow) moved = NULL;
  Change change = { 0 };
  guint notified = 0;

  herald_row_model_set_model (model, G_LIST_MODEL (a));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  second = row_at (model, 1);
  third = row_at (model, 2);

  /* an insertion passes through; the rows after it move along */
  {
    g_autoptr(GSimpleAction) item = g_simple_action_new ("new", NULL);
    g_list_store_insert (a, 1, item);
  }
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (herald_row_get_position (second), ==, 2);
  moved = row_at (model, 2);
  g_assert_true (moved == second);
  g_assert_cmpstr (row_name (moved), ==, "a.n1");
  g_clear_object (&moved);

  /* a removal passes through; the removed row is dropped */
  g_list_store_remove (a, 2);
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  moved = row_at (model, 2);
  g_assert_true (moved == third);
  g_clear_object (&moved);
  moved = row_at (model, 1);
  g_assert_cmpstr (row_name (moved), ==, "new");
  g_clear_object (&moved);

  /* a replacement in place: the row stays, with the new item */
  g_signal_connect (third, "notify::item", G_CALLBACK (notify_cb), &notified);
  {
    g_autoptr(GSimpleAction) item = g_simple_action_new ("replaced", NULL);
    gpointer items[] = { item };

    g_list_store_splice (a, 2, 1, items, 1);
  }
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (row_name (third), ==, "replaced");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the default context until the idle queue is through. */
static void
run_idles (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, flag_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_row_model_eager (void)
{
  g_autoptr(HeraldRowModel) model = herald_row_model_new ();
  g_autoptr(GListStore) a = make_store ("a", 100);
  g_autoptr(GListStore) b = make_store ("b", 100);
  g_autoptr(GListStore) c = make_store ("c", 100);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  herald_row_model_set_model (model, G_LIST_MODEL (a));
  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (rows, row_at (model, i));
  herald_row_model_set_eager (model, 10);

  /* the first ten at once, the others after the main loop ran */
  herald_row_model_set_model (model, G_LIST_MODEL (b));
  g_assert_cmpstr (row_name (rows->pdata[0]), ==, "b.n0");
  g_assert_cmpstr (row_name (rows->pdata[9]), ==, "b.n9");
  g_assert_cmpstr (row_name (rows->pdata[10]), ==, "a.n10");
  g_assert_cmpstr (row_name (rows->pdata[99]), ==, "a.n99");
  /* whoever asks for a row gets it as it is now */
  {
    g_autoptr(HeraldRow) asked = row_at (model, 50);

    g_assert_true (asked == rows->pdata[50]);
    g_assert_cmpstr (row_name (asked), ==, "b.n50");
  }
  /* nothing happens by itself: the view asks after its frame */
  run_idles ();
  g_assert_cmpstr (row_name (rows->pdata[99]), ==, "a.n99");
  herald_row_model_refresh_later (model);
  run_idles ();
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *expected = g_strdup_printf ("b.n%u", i);
      g_assert_cmpstr (row_name (rows->pdata[i]), ==, expected);
    }

  /* flush: everything at once */
  herald_row_model_set_model (model, G_LIST_MODEL (c));
  g_assert_cmpstr (row_name (rows->pdata[99]), ==, "b.n99");
  herald_row_model_flush (model);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *expected = g_strdup_printf ("c.n%u", i);
      g_assert_cmpstr (row_name (rows->pdata[i]), ==, expected);
    }
}

/* Rows no one holds are forgotten, and a model that goes first leaves
 * its rows usable. */
static void
test_row_model_lifetime (void)
{
  HeraldRowModel *model = herald_row_model_new ();
  g_autoptr(GListStore) a = make_store ("a", 3);
  HeraldRow *row;
  g_autoptr(HeraldRow) kept = NULL;

  herald_row_model_set_model (model, G_LIST_MODEL (a));
  row = row_at (model, 1);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  g_object_unref (row);
  g_assert_null (row);

  kept = row_at (model, 2);
  g_assert_finalize_object (model);
  g_assert_cmpstr (row_name (kept), ==, "a.n2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/herald/row-model/replace", test_row_model_replace);
  g_test_add_func ("/herald/row-model/changes", test_row_model_changes);
  g_test_add_func ("/herald/row-model/eager", test_row_model_eager);
  g_test_add_func ("/herald/row-model/lifetime", test_row_model_lifetime);

  return g_test_run ();
}
