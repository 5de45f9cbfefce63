/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-list-pager.c: keyset paging over one filtered, sorted table.
 *
 * The list knows its length from one COUNT.  Page k starts after an
 * anchor: the (sort key, local_id) of the last row of page k-1.  Anchors
 * are learnt from fetched pages; to reach a page far from any known anchor
 * the pager walks the sort index reading only (key, local_id) pairs,
 * recording an anchor every page.  The keyset condition is written
 * `key >= anchor AND (key, local_id) > (anchor, id)`: the first term lets
 * SQLite seek in an expression index, which it does not do for the row
 * value alone.  No OFFSET, and rows are only read for
 * pages someone looks at.  Fetched pages stay in an LRU cache.
 *
 * A text search is a condition on the table's FTS5 index.  When a record
 * changes, the index already holds its new text, so the old version's
 * membership is judged apart: its text is put in a one-row FTS table made
 * by the same CREATE statement (same columns and tokenizer) in a private
 * in-memory database, and the query is run there. */

#include "config.h"

#include "herald-list-pager.h"
#include "herald-store-private.h"

typedef struct
{
  sqlite3_value *key;
  gint64         local_id;
} Anchor;

typedef struct
{
  guint      index;
  GPtrArray *items;
  GList     *link;
} Page;

struct _HeraldListPager
{
  HeraldStore         *store;
  GType                type;
  char                *table;
  char                *count_sql;
  char                *where;        /* the caller's, without the text search */
  char                *full_where;   /* with it */
  char                *key;
  gboolean             descending;
  char                *search;       /* FTS5 query or NULL */
  HeraldListPagerBind  bind;
  gpointer             bind_data;

  /* the one-row index that judges a record's own text (see above) */
  sqlite3             *scratch;
  char                *scratch_columns;  /* "name, description, ..." */
  sqlite3_stmt        *scratch_content;
  sqlite3_stmt        *scratch_index;
  sqlite3_stmt        *scratch_match;

  guint                n_items;
  int                  hidden;   /* during a move's removal: the row not yet announced */
  GArray              *anchors;  /* Anchor; [k] starts page k; [0] is unused */
  GHashTable          *pages;    /* index -> Page */
  GQueue               lru;      /* Page *, most recent first */
};

static void
anchor_clear (gpointer data)
{
  Anchor *a = data;

  g_clear_pointer (&a->key, sqlite3_value_free);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_from (HeraldListPager *self,
           guint            first_page)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if (page->index >= first_page)
        {
          g_queue_delete_link (&self->lru, page->link);
          g_hash_table_iter_remove (&iter);
        }
    }
  /* anchor k+1 is the end of page k, so it moves when page k changes */
  if (self->anchors->len > first_page + 1)
    g_array_set_size (self->anchors, first_page + 1);
}

HeraldListPager *
herald_list_pager_new (HeraldStore *store,
                       GType        type,
                       const char  *table)
{
  HeraldListPager *self = g_new0 (HeraldListPager, 1);

  self->hidden = -1;

  self->store = g_object_ref (store);
  self->type = type;
  self->table = g_strdup (table);
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
  g_array_set_size (self->anchors, 1);
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, page_free);
  g_queue_init (&self->lru);
  return self;
}

void
herald_list_pager_free (HeraldListPager *self)
{
  sqlite3_finalize (self->scratch_content);
  sqlite3_finalize (self->scratch_index);
  sqlite3_finalize (self->scratch_match);
  if (self->scratch != NULL)
    sqlite3_close (self->scratch);
  g_free (self->scratch_columns);
  g_queue_clear (&self->lru);
  g_hash_table_unref (self->pages);
  g_array_unref (self->anchors);
  g_free (self->table);
  g_free (self->count_sql);
  g_free (self->where);
  g_free (self->full_where);
  g_free (self->search);
  g_free (self->key);
  g_object_unref (self->store);
  g_free (self);
}

void
herald_list_pager_set_query (HeraldListPager     *self,
                             const char          *count_sql,
                             const char          *where,
                             const char          *key,
                             gboolean             descending,
                             const char          *search,
                             HeraldListPagerBind  bind,
                             gpointer             bind_data)
{
  g_free (self->where);
  self->where = g_strdup (where);
  g_free (self->search);
  self->search = g_strdup (search);
  g_free (self->full_where);
  if (search != NULL)
    {
      g_autofree char *condition = herald_store_fts_condition_sql (self->table);

      self->full_where = g_strdup_printf ("%s AND %s", where, condition);
    }
  else
    self->full_where = g_strdup (where);
  g_free (self->count_sql);
  self->count_sql = count_sql != NULL ? g_strdup (count_sql)
                                      : g_strdup_printf ("SELECT count(*) FROM %s WHERE %s",
                                                         self->table, self->full_where);
  g_free (self->key);
  self->key = g_strdup (key);
  self->descending = descending;
  self->bind = bind;
  self->bind_data = bind_data;
}

/* Binds the parameters of full_where: the caller's, then the search. */
static int
bind_where (HeraldListPager *self,
            sqlite3_stmt    *stmt,
            int              first_index)
{
  int next = self->bind (stmt, first_index, self->bind_data);

  if (self->search != NULL)
    sqlite3_bind_text (stmt, next++, self->search, -1, SQLITE_TRANSIENT);
  return next;
}

static sqlite3_stmt *
prepare (HeraldListPager *self,
         const char      *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = herald_store_prepare_read (self->store, sql, &error);

  if (stmt == NULL)
    g_critical ("List query failed: %s", error->message);
  return stmt;
}

guint
herald_list_pager_reload (HeraldListPager *self)
{
  const char *sql = self->count_sql;
  guint old = self->n_items;
  sqlite3_stmt *stmt;

  drop_from (self, 0);
  self->n_items = 0;
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return old;
  bind_where (self, stmt, 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->n_items = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return old;
}

guint
herald_list_pager_get_n_items (HeraldListPager *self)
{
  return self->n_items - (self->hidden >= 0 ? 1 : 0);
}

guint
herald_list_pager_get_n_cached_pages (HeraldListPager *self)
{
  return g_hash_table_size (self->pages);
}

static const char *
cmp_op (HeraldListPager *self)
{
  return self->descending ? "<" : ">";
}

static const char *
direction (HeraldListPager *self)
{
  return self->descending ? "DESC" : "ASC";
}

static void
set_anchor (HeraldListPager *self,
            guint            index,
            sqlite3_value   *key,
            gint64           local_id)
{
  Anchor *a;

  if (self->anchors->len <= index)
    g_array_set_size (self->anchors, index + 1);
  a = &g_array_index (self->anchors, Anchor, index);
  g_clear_pointer (&a->key, sqlite3_value_free);
  a->key = sqlite3_value_dup (key);
  a->local_id = local_id;
}

static gboolean
has_anchor (HeraldListPager *self,
            guint            index)
{
  return index == 0
         || (index < self->anchors->len && g_array_index (self->anchors, Anchor, index).key != NULL);
}

/* Walks the sort index from the nearest known anchor to @index, reading
 * only keys, and records an anchor at each page boundary on the way. */
static gboolean
walk_to_anchor (HeraldListPager *self,
                guint            index)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint from = index;
  guint64 row = 0;
  int next;

  while (!has_anchor (self, from))
    from--;
  if (from == index)
    return TRUE;

  if (from == 0)
    sql = g_strdup_printf ("SELECT %s, local_id FROM %s WHERE %s ORDER BY %s %s, local_id %s LIMIT ?",
                           self->key, self->table, self->full_where,
                           self->key, direction (self), direction (self));
  else
    sql = g_strdup_printf ("SELECT %s, local_id FROM %s WHERE %s AND %s %s= ? AND (%s, local_id) %s (?, ?) "
                           "ORDER BY %s %s, local_id %s LIMIT ?",
                           self->key, self->table, self->full_where, self->key, cmp_op (self),
                           self->key, cmp_op (self), self->key, direction (self), direction (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  next = bind_where (self, stmt, 1);
  if (from > 0)
    {
      Anchor *a = &g_array_index (self->anchors, Anchor, from);

      sqlite3_bind_value (stmt, next++, a->key);
      sqlite3_bind_value (stmt, next++, a->key);
      sqlite3_bind_int64 (stmt, next++, a->local_id);
    }
  sqlite3_bind_int64 (stmt, next, (sqlite3_int64) (index - from) * HERALD_LIST_PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row++;
      if (row % HERALD_LIST_PAGE_SIZE == 0)
        set_anchor (self, from + (guint) (row / HERALD_LIST_PAGE_SIZE),
                    sqlite3_column_value (stmt, 0), sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  return has_anchor (self, index);
}

static Page *
fetch_page (HeraldListPager *self,
            guint            index)
{
  g_autofree char *sql = NULL;
  const char *columns = herald_store_get_columns (self->type);
  sqlite3_stmt *stmt;
  Page *page;
  int key_col;
  int next;

  if (!walk_to_anchor (self, index))
    return NULL;

  if (index == 0)
    sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s ORDER BY %s %s, local_id %s LIMIT %d",
                           columns, self->key, self->table, self->full_where,
                           self->key, direction (self), direction (self), HERALD_LIST_PAGE_SIZE);
  else
    sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s AND %s %s= ? AND (%s, local_id) %s (?, ?) "
                           "ORDER BY %s %s, local_id %s LIMIT %d",
                           columns, self->key, self->table, self->full_where, self->key, cmp_op (self),
                           self->key, cmp_op (self), self->key, direction (self), direction (self),
                           HERALD_LIST_PAGE_SIZE);
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return NULL;
  next = bind_where (self, stmt, 1);
  if (index > 0)
    {
      Anchor *a = &g_array_index (self->anchors, Anchor, index);

      sqlite3_bind_value (stmt, next++, a->key);
      sqlite3_bind_value (stmt, next++, a->key);
      sqlite3_bind_int64 (stmt, next++, a->local_id);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (HERALD_LIST_PAGE_SIZE, g_object_unref);
  key_col = sqlite3_column_count (stmt) - 1;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (page->items, herald_store_record_from_row (self->type, stmt, 0));
      if (page->items->len == HERALD_LIST_PAGE_SIZE)
        set_anchor (self, index + 1, sqlite3_column_value (stmt, key_col), sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->lru, page);
  page->link = self->lru.head;
  while (self->lru.length > HERALD_LIST_MAX_PAGES)
    {
      Page *last = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (last->index));
    }
  return page;
}

gpointer
herald_list_pager_get_item (HeraldListPager *self,
                            guint            position)
{
  guint index = position / HERALD_LIST_PAGE_SIZE;
  guint offset = position % HERALD_LIST_PAGE_SIZE;
  Page *page;

  /* Between the two halves of a move the row at its new place is not
   * there yet (see herald_list_pager_emit_change()). */
  if (self->hidden >= 0 && position >= (guint) self->hidden)
    {
      position++;
      index = position / HERALD_LIST_PAGE_SIZE;
      offset = position % HERALD_LIST_PAGE_SIZE;
    }
  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      /* most recently used first */
      g_queue_unlink (&self->lru, page->link);
      g_queue_push_head_link (&self->lru, page->link);
    }
  else
    page = fetch_page (self, index);

  if (page == NULL || offset >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

/* Where @record is or would be: whether it passes the filter and how many
 * rows now in the table sort before it.  With @text_judged, the record's
 * text has been found to match the search elsewhere and only the rest of
 * the filter is applied to it. */
static int
position_of (HeraldListPager *self,
             HeraldRecord    *record,
             gboolean         text_judged)
{
  g_autofree char *sql = NULL;
  const char *columns = herald_store_get_columns (self->type);
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
  g_autoptr(GString) cte = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int next;
  int pos = -1;

  /* The record's values as a one-row table named like the real one, so
   * that the same WHERE and sort key apply to it. */
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (cte, "%s?%u AS %s", i ? ", " : "", i + 1, names[i]);

  /* The row itself is left out: for an old record, its new version is
   * already in the table. */
  sql = g_strdup_printf ("WITH r AS (SELECT %s), k AS (SELECT %s AS k_key, local_id AS k_id FROM r WHERE %s) "
                         "SELECT (SELECT count(*) FROM %s, k WHERE %s AND %s.local_id != k.k_id "
                         "AND %s %s= k.k_key AND (%s, %s.local_id) %s (k.k_key, k.k_id)) FROM k",
                         cte->str, self->key, text_judged ? self->where : self->full_where,
                         self->table, self->full_where, self->table,
                         self->key, self->descending ? ">" : "<",
                         self->key, self->table, self->descending ? ">" : "<");
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return -1;
  next = herald_store_bind_record (stmt, 1, record);
  next = text_judged ? self->bind (stmt, next, self->bind_data) : bind_where (self, stmt, next);
  bind_where (self, stmt, next);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pos = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return pos;
}

static gboolean
scratch_failed (HeraldListPager *self,
                sqlite3         *db)
{
  g_critical ("Cannot judge a record against the search: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* Makes the one-row index: the table's FTS columns and CREATE statement
 * are read from the store's schema, so that tokenizer and columns are the
 * index's own. */
static gboolean
scratch_open (HeraldListPager *self)
{
  sqlite3 *db = herald_store_get_read_handle (self->store);
  g_autofree char *fts_table = g_strdup_printf ("%s_fts", self->table);
  g_autofree char *create_fts = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  if (self->scratch_match != NULL)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return scratch_failed (self, db);
  sqlite3_bind_text (stmt, 1, fts_table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create_fts = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return scratch_failed (self, db);
  sqlite3_bind_text (stmt, 1, fts_table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", sqlite3_column_text (stmt, 0));
      g_string_append (params, ", ?");
    }
  sqlite3_finalize (stmt);
  if (create_fts == NULL || columns->len == 0)
    {
      g_critical ("The store has no full-text index %s", fts_table);
      return FALSE;
    }

  if (self->scratch == NULL
      && sqlite3_open_v2 (":memory:", &self->scratch,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);
  /* the external content table the index is declared over */
  sql = g_strdup_printf ("CREATE TABLE %s (local_id INTEGER PRIMARY KEY, %s); %s",
                         self->table, columns->str, create_fts);
  if (sqlite3_exec (self->scratch, sql, NULL, NULL, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO %s (local_id, %s) VALUES (1%s)", self->table, columns->str, params->str);
  if (sqlite3_prepare_v2 (self->scratch, sql, -1, &self->scratch_content, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO %s (rowid, %s) VALUES (1%s)", fts_table, columns->str, params->str);
  if (sqlite3_prepare_v2 (self->scratch, sql, -1, &self->scratch_index, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s MATCH ?1", fts_table, fts_table);
  if (sqlite3_prepare_v2 (self->scratch, sql, -1, &self->scratch_match, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);
  self->scratch_columns = g_string_free (g_steal_pointer (&columns), FALSE);
  return TRUE;
}

/* Whether the text of this version of @record matches the search, judged
 * on its own values rather than on the store's index. */
static gboolean
text_matches (HeraldListPager *self,
              HeraldRecord    *record)
{
  g_auto(GStrv) columns = NULL;
  gboolean matches = FALSE;

  if (!scratch_open (self))
    return FALSE;
  if (sqlite3_exec (self->scratch, "SAVEPOINT judge", NULL, NULL, NULL) != SQLITE_OK)
    return scratch_failed (self, self->scratch);

  columns = g_strsplit (self->scratch_columns, ", ", -1);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (columns[i]), "_", '-');
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&text, G_TYPE_STRING);
      if (pspec != NULL)
        {
          g_value_init (&value, pspec->value_type);
          g_object_get_property (G_OBJECT (record), property, &value);
          g_value_transform (&value, &text);
        }
      sqlite3_bind_text (self->scratch_content, (int) i + 1, g_value_get_string (&text), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (self->scratch_index, (int) i + 1, g_value_get_string (&text), -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (self->scratch_match, 1, self->search, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (self->scratch_content) == SQLITE_DONE
      && sqlite3_step (self->scratch_index) == SQLITE_DONE
      && sqlite3_step (self->scratch_match) == SQLITE_ROW)
    matches = sqlite3_column_int (self->scratch_match, 0) > 0;
  else
    scratch_failed (self, self->scratch);
  sqlite3_reset (self->scratch_content);
  sqlite3_reset (self->scratch_index);
  sqlite3_reset (self->scratch_match);
  sqlite3_exec (self->scratch, "ROLLBACK TO judge; RELEASE judge", NULL, NULL, NULL);
  return matches;
}

/* Where the old version of a changed record was. */
static int
old_position_of (HeraldListPager *self,
                 HeraldRecord    *record)
{
  if (self->search == NULL)
    return position_of (self, record, FALSE);
  /* the index holds the new text already */
  if (!text_matches (self, record))
    return -1;
  return position_of (self, record, TRUE);
}

HeraldListPagerChange
herald_list_pager_apply (HeraldListPager *self,
                         HeraldRecord    *old_record,
                         HeraldRecord    *new_record)
{
  HeraldListPagerChange change = { -1, -1 };
  guint first;

  if (old_record != NULL)
    change.removed_at = old_position_of (self, old_record);
  if (new_record != NULL)
    change.added_at = position_of (self, new_record, FALSE);

  if (change.removed_at < 0 && change.added_at < 0)
    return change;

  if (change.removed_at >= 0)
    self->n_items--;
  if (change.added_at >= 0)
    self->n_items++;

  first = MIN ((guint) (change.removed_at >= 0 ? change.removed_at : G_MAXINT),
               (guint) (change.added_at >= 0 ? change.added_at : G_MAXINT));
  drop_from (self, first / HERALD_LIST_PAGE_SIZE);
  return change;
}

/**
 * herald_list_pager_emit_change:
 * @model: the list model the pager serves
 * @pager: its pager
 * @change: what herald_list_pager_apply() returned
 *
 * Tells @model's users about one changed record with exact, small
 * ranges: an edit in place is (pos, 1, 1), a move is a removal and an
 * insertion.
 *
 * Returns: whether the number of items changed.
 */
gboolean
herald_list_pager_emit_change (GListModel            *model,
                               HeraldListPager       *pager,
                               HeraldListPagerChange  change)
{
  if (change.removed_at >= 0 && change.removed_at == change.added_at)
    {
      g_list_model_items_changed (model, change.added_at, 1, 1);
      return FALSE;
    }
  /* A move is a removal and an insertion; while the removal is announced,
   * the model must look like it: without the row at its new place (views
   * read items during the signal). */
  if (change.removed_at >= 0)
    {
      pager->hidden = change.added_at;
      g_list_model_items_changed (model, change.removed_at, 1, 0);
      pager->hidden = -1;
    }
  if (change.added_at >= 0)
    g_list_model_items_changed (model, change.added_at, 0, 1);
  return (change.removed_at >= 0) != (change.added_at >= 0);
}

/**
 * herald_list_pager_emit_reload:
 * @model: the list model the pager serves
 * @old_n_items: the count before herald_list_pager_reload()
 * @n_items: the count after it
 *
 * Tells @model's users that everything may have changed.  Views over very
 * large selections should swap in a new model instead (see docs/store.md).
 *
 * Returns: whether the number of items changed.
 */
gboolean
herald_list_pager_emit_reload (GListModel *model,
                               guint       old_n_items,
                               guint       n_items)
{
  if (old_n_items == 0 && n_items == 0)
    return FALSE;
  g_list_model_items_changed (model, 0, old_n_items, n_items);
  return old_n_items != n_items;
}
