/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-store.c: the local SQLite store.
 *
 * Two connections to one WAL database: the read connection belongs to the
 * store's thread and serves queries and list models; the write connection
 * (synchronous=FULL) is guarded by a mutex so that writes may run in worker
 * threads.  Every property of a HeraldRecord subclass is the column of the
 * same name, so one generic path reads and writes every entity.  A local
 * change and its outbox row are written in one transaction. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "herald-enum-types.h"
#include "herald-lifecycle.h"
#include "herald-metrics.h"
#include "herald-model.h"
#include "herald-record-private.h"
#include "herald-store.h"
#include "herald-store-private.h"
#include "herald-util.h"

/* 'HRLD': marks a file as Herald's, so that another program's SQLite file
 * is refused rather than migrated. */
#define HERALD_APPLICATION_ID 0x48524c44
#define LATEST_SCHEMA_VERSION 7
#define BUSY_TIMEOUT_MS 2000
/* More records than this in one save_many become one "table-reset". */
#define MANY_CHANGES 32

typedef struct
{
  GType        type;
  const char  *table;
  const char  *entity;
  GParamSpec **pspecs;
  guint        n_pspecs;
  char        *columns;
  char        *select_sql;
  char        *upsert_sql;
} EntityInfo;

struct _HeraldStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *read_db;
  sqlite3      *write_db;
  GMutex        write_lock;
  GHashTable   *read_stmts;
  GHashTable   *write_stmts;
  GMainContext *context;
  GThread      *owner;
  int           schema_version;
};

G_DEFINE_FINAL_TYPE (HeraldStore, herald_store, G_TYPE_OBJECT)

enum {
  RECORD_CHANGED,
  TABLE_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static EntityInfo entities[8];

G_DEFINE_QUARK (herald-store-error-quark, herald_store_error)

static void
entity_info_init (EntityInfo *info,
                  GType       type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);
  g_autoptr(GString) cols = g_string_new ("local_id");
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);

  info->type = type;
  info->table = record_class->table_name;
  info->entity = record_class->entity_name;
  info->pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &info->n_pspecs);
  for (guint i = 0; i < info->n_pspecs; i++)
    {
      g_autofree char *col = g_strdelimit (g_strdup (info->pspecs[i]->name), "-", '_');

      g_string_append_printf (cols, ", %s", col);
      g_string_append_printf (names, "%s%s", i ? ", " : "", col);
      g_string_append_printf (marks, "%s?%u", i ? ", " : "", i + 1);
      if (!g_str_equal (col, "id"))
        g_string_append_printf (updates, "%s%s = excluded.%s", updates->len ? ", " : "", col, col);
    }
  info->columns = g_strdup (cols->str);
  info->select_sql = g_strdup_printf ("SELECT %s FROM %s", cols->str, info->table);
  info->upsert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) "
                                      "ON CONFLICT (id) DO UPDATE SET %s RETURNING local_id",
                                      info->table, names->str, marks->str, updates->str);
}

static gpointer
entities_init_once (gpointer data)
{
  GType types[] = {
    HERALD_TYPE_CAMPAIGN, HERALD_TYPE_TEMPLATE, HERALD_TYPE_RECIPIENT, HERALD_TYPE_EVENT,
    HERALD_TYPE_VARIANT, HERALD_TYPE_PERFORMANCE_DAY, HERALD_TYPE_CONTACT, HERALD_TYPE_SEGMENT,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (entities));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    entity_info_init (&entities[i], types[i]);
  return NULL;
}

static const EntityInfo *
entity_info (GType type)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, entities_init_once, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (entities[i].type == type)
      return &entities[i];
  g_return_val_if_reached (NULL);
}

/*
 * herald_store_set_sqlite_error:
 *
 * Turns an SQLite result into a HERALD_STORE_ERROR.  Returns FALSE so that
 * callers can `return herald_store_set_sqlite_error (...)`.
 */
gboolean
herald_store_set_sqlite_error (sqlite3  *db,
                               int       rc,
                               GError  **error)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_LOCKED,
                   _("The database is in use by another program (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT,
                   _("The database file is damaged or not a database (%s)."), detail);
      break;
    default:
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
    }
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return herald_store_set_sqlite_error (db, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare_cached (sqlite3     *db,
                GHashTable  *cache,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      herald_store_set_sqlite_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

/**
 * herald_store_prepare_read: (skip)
 * @self: a store
 * @sql: one SQL statement
 * @error: return location for an error
 *
 * Returns: (transfer none): a cached statement of the read connection
 */
sqlite3_stmt *
herald_store_prepare_read (HeraldStore  *self,
                           const char   *sql,
                           GError      **error)
{
  return prepare_cached (self->read_db, self->read_stmts, sql, error);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType t = pspec->value_type;

  if (t == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      const char *dflt = G_PARAM_SPEC_STRING (pspec)->default_value;

      /* Columns of strings with a default are NOT NULL. */
      if (s == NULL && dflt != NULL)
        s = "";
      if (s == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
    }
  else if (t == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (t == G_TYPE_INT)
    sqlite3_bind_int64 (stmt, index, g_value_get_int (value));
  else if (t == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (t == G_TYPE_DOUBLE)
    {
      /* a non-finite number is "no value" (HERALD_METRICS_NO_ROI) */
      double d = g_value_get_double (value);

      if (isfinite (d))
        sqlite3_bind_double (stmt, index, d);
      else
        sqlite3_bind_null (stmt, index);
    }
  else if (t == G_TYPE_DATE_TIME)
    {
      char *iso = herald_datetime_to_iso8601 (g_value_get_boxed (value));

      if (iso == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, iso, -1, g_free);
    }
  else if (G_TYPE_IS_ENUM (t))
    sqlite3_bind_text (stmt, index, herald_enum_to_nick (t, g_value_get_enum (value)), -1, SQLITE_STATIC);
  else
    g_assert_not_reached ();
}

static G_DEFINE_QUARK (herald-store-local-id, local_id)

/**
 * herald_store_record_get_local_id: (skip)
 * @record: a record read from or written to a store
 *
 * Returns: the row's stable INTEGER PRIMARY KEY, 0 when unknown
 */
gint64
herald_store_record_get_local_id (HeraldRecord *record)
{
  gint64 *p = g_object_get_qdata (G_OBJECT (record), local_id_quark ());

  return p != NULL ? *p : 0;
}

/**
 * herald_store_record_set_local_id: (skip)
 * @record: a record
 * @local_id: its row's key
 *
 * Remembers the row a record belongs to (the list models sort ties by it).
 */
void
herald_store_record_set_local_id (HeraldRecord *record,
                                  gint64        local_id)
{
  gint64 *p = g_new (gint64, 1);

  *p = local_id;
  g_object_set_qdata_full (G_OBJECT (record), local_id_quark (), p, g_free);
}

/**
 * herald_store_bind_record: (skip)
 * @stmt: a statement
 * @first_index: the parameter of local_id
 * @record: a record
 *
 * Binds local_id and every column of @record in the order of
 * herald_store_get_columns().
 *
 * Returns: the next parameter index
 */
int
herald_store_bind_record (sqlite3_stmt *stmt,
                          int           first_index,
                          HeraldRecord *record)
{
  const EntityInfo *info = entity_info (G_OBJECT_TYPE (record));

  sqlite3_bind_int64 (stmt, first_index, herald_store_record_get_local_id (record));
  for (guint i = 0; i < info->n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, info->pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), info->pspecs[i]->name, &value);
      bind_value (stmt, first_index + 1 + (int) i, info->pspecs[i], &value);
    }
  return first_index + 1 + (int) info->n_pspecs;
}

/**
 * herald_store_get_columns: (skip)
 * @type: a #HeraldRecord subclass
 *
 * Returns: the column list read by herald_store_record_from_row()
 */
const char *
herald_store_get_columns (GType type)
{
  return entity_info (type)->columns;
}

/**
 * herald_store_record_from_row: (skip)
 * @type: a #HeraldRecord subclass
 * @stmt: a statement positioned on a row
 * @first_column: where the columns of herald_store_get_columns() start
 *
 * Returns: (transfer full): the record of the row
 */
HeraldRecord *
herald_store_record_from_row (GType         type,
                              sqlite3_stmt *stmt,
                              int           first_column)
{
  const EntityInfo *info = entity_info (type);
  GObject *object = g_object_new (type, NULL);

  /* first_column is local_id, which is not a property */
  herald_store_record_set_local_id (HERALD_RECORD (object), sqlite3_column_int64 (stmt, first_column));
  for (guint i = 0; i < info->n_pspecs; i++)
    {
      GParamSpec *pspec = info->pspecs[i];
      int col = first_column + 1 + (int) i;
      g_auto(GValue) value = G_VALUE_INIT;
      GType t = pspec->value_type;

      g_value_init (&value, t);
      if (t == G_TYPE_STRING)
        {
          if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
            continue;
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, col));
        }
      else if (t == G_TYPE_INT64)
        g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
      else if (t == G_TYPE_INT)
        g_value_set_int (&value, sqlite3_column_int (stmt, col));
      else if (t == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
      else if (t == G_TYPE_DOUBLE)
        {
          /* no value: the property's default says how it is held */
          if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
            continue;
          g_value_set_double (&value, sqlite3_column_double (stmt, col));
        }
      else if (t == G_TYPE_DATE_TIME)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, col);

          if (text == NULL)
            continue;
          g_value_take_boxed (&value, herald_datetime_from_iso8601 (text));
        }
      else if (G_TYPE_IS_ENUM (t))
        {
          int v;

          if (!herald_enum_from_nick (t, (const char *) sqlite3_column_text (stmt, col), &v))
            continue;
          g_value_set_enum (&value, v);
        }
      else
        g_assert_not_reached ();

      g_object_set_property (object, pspec->name, &value);
    }

  return HERALD_RECORD (object);
}

static HeraldRecord *
load_by_id (sqlite3     *db,
            GHashTable  *cache,
            GType        type,
            const char  *id,
            GError     **error)
{
  const EntityInfo *info = entity_info (type);
  g_autofree char *sql = g_strdup_printf ("%s WHERE id = ?1", info->select_sql);
  sqlite3_stmt *stmt;
  HeraldRecord *record = NULL;
  int rc;

  stmt = prepare_cached (db, cache, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = herald_store_record_from_row (type, stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                 _("No record with the id “%s”."), id);
  else
    herald_store_set_sqlite_error (db, rc, error);
  sqlite3_reset (stmt);
  return record;
}

/* Signals ------------------------------------------------------------- */

typedef struct
{
  HeraldStore  *store;
  HeraldRecord *old_record;
  HeraldRecord *new_record;
  char         *table;
} Emission;

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_clear_object (&e->store);
  g_clear_object (&e->old_record);
  g_clear_object (&e->new_record);
  g_free (e->table);
  g_free (e);
}

static gboolean
emission_run (gpointer data)
{
  Emission *e = data;

  if (e->table != NULL)
    g_signal_emit (e->store, signals[TABLE_RESET], 0, e->table);
  else
    g_signal_emit (e->store, signals[RECORD_CHANGED], 0, e->old_record, e->new_record);
  return G_SOURCE_REMOVE;
}

static void
emit_on_context (HeraldStore  *self,
                 HeraldRecord *old_record,
                 HeraldRecord *new_record,
                 const char   *table)
{
  Emission *e = g_new0 (Emission, 1);

  e->store = g_object_ref (self);
  e->old_record = old_record ? g_object_ref (old_record) : NULL;
  e->new_record = new_record ? g_object_ref (new_record) : NULL;
  e->table = g_strdup (table);

  if (g_thread_self () == self->owner)
    {
      /* on the store's thread: emit now, so that lists are up to date
       * when the write returns */
      emission_run (e);
      emission_free (e);
      return;
    }

  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emission_run, e, emission_free);
}

/* Outbox -------------------------------------------------------------- */

static char *
build_patch (HeraldRecord *old_record,
             HeraldRecord *new_record,
             gboolean     *status_changed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const EntityInfo *info = entity_info (G_OBJECT_TYPE (new_record));
  guint n_changed = 0;

  *status_changed = HERALD_IS_CAMPAIGN (new_record)
                    && herald_campaign_get_status (HERALD_CAMPAIGN (old_record))
                       != herald_campaign_get_status (HERALD_CAMPAIGN (new_record));
  json_builder_begin_object (builder);
  for (guint i = 0; i < info->n_pspecs; i++)
    {
      GParamSpec *pspec = info->pspecs[i];
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (pspec->owner_type == HERALD_TYPE_RECORD)
        continue;
      /* the status and the times a transition sets travel as the command */
      if (HERALD_IS_CAMPAIGN (new_record)
          && (g_str_equal (pspec->name, "status")
              || (*status_changed && (g_str_equal (pspec->name, "started-at")
                                      || g_str_equal (pspec->name, "completed-at")))))
        continue;
      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (G_OBJECT (old_record), pspec->name, &va);
      g_object_get_property (G_OBJECT (new_record), pspec->name, &vb);
      if (herald_record_value_equal (pspec, &va, &vb))
        continue;
      herald_record_value_to_json (builder, pspec, &vb);
      n_changed++;
    }
  json_builder_end_object (builder);

  if (n_changed == 0)
    return NULL;
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
merge_patches (const char *older,
               const char *newer)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *o1, *o2;
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_data (p1, older, -1, NULL)
      || !json_parser_load_from_data (p2, newer, -1, NULL))
    return g_strdup (newer);
  o1 = json_node_get_object (json_parser_get_root (p1));
  o2 = json_node_get_object (json_parser_get_root (p2));
  members = json_object_get_members (o2);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (o1, l->data, json_node_copy (json_object_get_member (o2, l->data)));
  return json_to_string (json_parser_get_root (p1), FALSE);
}

static gboolean
outbox_append (HeraldStore  *self,
               HeraldRecord *record,
               const char   *op,
               const char   *patch,
               const char   *base_version,
               GDateTime    *now,
               GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *key = herald_uuid_new ();
  g_autofree char *when = herald_datetime_to_iso8601 (now);
  int rc;

  /* Successive edits of one record fold into its pending patch as long as
   * sync has not tried to push it yet. */
  if (g_str_equal (op, "update"))
    {
      stmt = prepare_cached (self->write_db, self->write_stmts,
                             "SELECT seq, op, patch FROM outbox WHERE entity_id = ?1 "
                             "AND entity = ?2 ORDER BY seq DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, herald_record_get_entity_name (record), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);
          const char *last_op = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *merged = NULL;

          if (g_str_equal (last_op, "create") || g_str_equal (last_op, "update"))
            merged = merge_patches ((const char *) sqlite3_column_text (stmt, 2), patch);
          sqlite3_reset (stmt);

          if (merged != NULL)
            {
              stmt = prepare_cached (self->write_db, self->write_stmts,
                                     "UPDATE outbox SET patch = ?1 WHERE seq = ?2 "
                                     "AND state = 'pending' AND attempts = 0", error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_text (stmt, 1, merged, -1, SQLITE_TRANSIENT);
              sqlite3_bind_int64 (stmt, 2, seq);
              rc = sqlite3_step (stmt);
              sqlite3_reset (stmt);
              if (rc != SQLITE_DONE)
                return herald_store_set_sqlite_error (self->write_db, rc, error);
              if (sqlite3_changes (self->write_db) == 1)
                return TRUE;
            }
        }
      else
        {
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return herald_store_set_sqlite_error (self->write_db, rc, error);
        }
    }

  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "INSERT INTO outbox (entity, entity_id, op, patch, base_version, "
                         "idempotency_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, herald_record_get_entity_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, op, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, patch != NULL ? patch : "{}", -1, SQLITE_TRANSIENT);
  if (base_version != NULL)
    sqlite3_bind_text (stmt, 5, base_version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, when, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (self->write_db, rc, error);
  return TRUE;
}

/* Writing ------------------------------------------------------------- */

static gboolean
upsert (HeraldStore   *self,
        HeraldRecord  *record,
        GError       **error)
{
  const EntityInfo *info = entity_info (G_OBJECT_TYPE (record));
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_cached (self->write_db, self->write_stmts, info->upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < info->n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, info->pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), info->pspecs[i]->name, &value);
      bind_value (stmt, (int) i + 1, info->pspecs[i], &value);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      herald_store_record_set_local_id (record, sqlite3_column_int64 (stmt, 0));
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (self->write_db, rc, error);
  return TRUE;
}

static GDateTime *
now_utc_ms (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add (now, -(g_date_time_get_microsecond (now) % 1000));
}

/* Times are stored with millisecond precision; cut the caller's values to
 * what the database will hold so that comparisons with stored rows work. */
static void
normalize_times (HeraldRecord *record)
{
  const EntityInfo *info = entity_info (G_OBJECT_TYPE (record));

  for (guint i = 0; i < info->n_pspecs; i++)
    {
      GDateTime *dt = NULL;
      int extra;

      if (info->pspecs[i]->value_type != G_TYPE_DATE_TIME)
        continue;
      g_object_get (record, info->pspecs[i]->name, &dt, NULL);
      if (dt == NULL)
        continue;
      extra = g_date_time_get_microsecond (dt) % 1000;
      if (extra != 0 || g_date_time_get_utc_offset (dt) != 0)
        {
          g_autoptr(GDateTime) shifted = g_date_time_add (dt, -extra);
          g_autoptr(GDateTime) utc = g_date_time_to_utc (shifted);

          g_object_set (record, info->pspecs[i]->name, utc, NULL);
        }
      g_date_time_unref (dt);
    }
}

/*
 * save_locked:
 * @old_out: (out): the stored record before the change (NULL when new)
 * @changed: (out): whether anything was written
 *
 * Writes @record inside the caller's transaction; the write lock is held.
 */
static gboolean
save_locked (HeraldStore        *self,
             HeraldRecord       *record,
             HeraldStoreOrigin   origin,
             GDateTime          *now,
             HeraldRecord      **old_out,
             gboolean           *changed,
             GError            **error)
{
  g_autoptr(HeraldRecord) old_record = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *patch = NULL;
  const char *command = NULL;
  gboolean status_changed = FALSE;

  *changed = FALSE;
  normalize_times (record);
  old_record = load_by_id (self->write_db, self->write_stmts, G_OBJECT_TYPE (record),
                           herald_record_get_id (record), &local_error);
  if (old_record == NULL && !g_error_matches (local_error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (origin == HERALD_STORE_ORIGIN_REMOTE)
    {
      if (herald_record_get_created_at (record) == NULL)
        herald_record_set_created_at (record, old_record ? herald_record_get_created_at (old_record) : now);
      if (herald_record_get_updated_at (record) == NULL)
        herald_record_set_updated_at (record, now);
      herald_record_set_sync_state (record, HERALD_SYNC_STATE_SYNCED);
      if (!upsert (self, record, error))
        return FALSE;
      *changed = TRUE;
      *old_out = g_steal_pointer (&old_record);
      return TRUE;
    }

  if (!herald_record_validate (record, NULL, error))
    return FALSE;

  if (HERALD_IS_CAMPAIGN (record))
    {
      HeraldCampaign *campaign = HERALD_CAMPAIGN (record);
      const char *template_id = herald_campaign_get_template_id (campaign);

      if (old_record != NULL && !herald_campaign_check_edit (HERALD_CAMPAIGN (old_record), campaign, error))
        return FALSE;
      /* scheduling by setting the status checks what the transition would */
      if (herald_campaign_get_status (campaign) == HERALD_CAMPAIGN_STATUS_SCHEDULED
          && (old_record == NULL
              || herald_campaign_get_status (HERALD_CAMPAIGN (old_record)) != HERALD_CAMPAIGN_STATUS_SCHEDULED)
          && !herald_campaign_validate_schedule (campaign, now, error))
        return FALSE;
      if (template_id != NULL && *template_id != '\0')
        {
          g_autoptr(HeraldRecord) tmpl = load_by_id (self->write_db, self->write_stmts,
                                                     HERALD_TYPE_TEMPLATE, template_id, NULL);

          if (tmpl != NULL && !herald_campaign_validate_template (campaign, HERALD_TEMPLATE (tmpl), error))
            return FALSE;
        }
    }

  if (old_record != NULL)
    {
      HeraldSyncState state = herald_record_get_sync_state (old_record);

      patch = build_patch (old_record, record, &status_changed);
      if (patch == NULL && !status_changed)
        {
          /* nothing a person changed: keep the bookkeeping as stored */
          herald_record_set_created_at (record, herald_record_get_created_at (old_record));
          herald_record_set_updated_at (record, herald_record_get_updated_at (old_record));
          herald_record_set_version (record, herald_record_get_version (old_record));
          herald_record_set_sync_state (record, state);
          return TRUE;
        }
      if (status_changed)
        command = herald_campaign_status_get_command (herald_campaign_get_status (HERALD_CAMPAIGN (old_record)),
                                                      herald_campaign_get_status (HERALD_CAMPAIGN (record)));
      herald_record_set_created_at (record, herald_record_get_created_at (old_record));
      herald_record_set_version (record, herald_record_get_version (old_record) + 1);
      herald_record_set_server_version (record, herald_record_get_server_version (old_record));
      herald_record_set_base (record, herald_record_get_base (old_record));
      if (state == HERALD_SYNC_STATE_SYNCED || state == HERALD_SYNC_STATE_MODIFIED)
        herald_record_set_sync_state (record, HERALD_SYNC_STATE_MODIFIED);
      else
        herald_record_set_sync_state (record, state);
    }
  else
    {
      if (herald_record_get_created_at (record) == NULL)
        herald_record_set_created_at (record, now);
      herald_record_set_version (record, 1);
      herald_record_set_sync_state (record, HERALD_SYNC_STATE_CREATED);
    }
  herald_record_set_updated_at (record, now);

  if (!upsert (self, record, error))
    return FALSE;

  if (old_record == NULL)
    {
      g_autofree char *json = herald_record_to_json (record);

      if (!outbox_append (self, record, "create", json, NULL, now, error))
        return FALSE;
    }
  else
    {
      const char *base_version = herald_record_get_server_version (old_record);

      if (patch != NULL && !outbox_append (self, record, "update", patch, base_version, now, error))
        return FALSE;
      if (command != NULL && !outbox_append (self, record, command, NULL, base_version, now, error))
        return FALSE;
    }

  *changed = TRUE;
  *old_out = g_steal_pointer (&old_record);
  return TRUE;
}

static gboolean
begin (HeraldStore  *self,
       GError      **error)
{
  return exec_sql (self->write_db, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_or_rollback (HeraldStore  *self,
                    gboolean      ok,
                    GError      **error)
{
  if (ok && exec_sql (self->write_db, "COMMIT", error))
    return TRUE;
  sqlite3_exec (self->write_db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Copies what the store set (times, version, sync state) back into the
 * caller's object. */
static void
copy_bookkeeping (HeraldRecord *to,
                  HeraldRecord *from)
{
  herald_record_set_created_at (to, herald_record_get_created_at (from));
  herald_record_set_updated_at (to, herald_record_get_updated_at (from));
  herald_record_set_version (to, herald_record_get_version (from));
  herald_record_set_sync_state (to, herald_record_get_sync_state (from));
  herald_record_set_server_version (to, herald_record_get_server_version (from));
  herald_record_set_base (to, herald_record_get_base (from));
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gboolean set_meta_locked (HeraldStore  *self,
                                 const char   *key,
                                 const char   *value,
                                 GError      **error);

static gboolean
save_many_internal (HeraldStore       *self,
                    GPtrArray         *records,
                    HeraldStoreOrigin  origin,
                    const char        *meta_key,
                    const char        *meta_value,
                    GError           **error)
{
  g_autoptr(GDateTime) now = now_utc_ms ();
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GPtrArray) news = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = TRUE;

  g_mutex_lock (&self->write_lock);
  if (!begin (self, error))
    {
      g_mutex_unlock (&self->write_lock);
      return FALSE;
    }
  for (guint i = 0; ok && i < records->len; i++)
    {
      HeraldRecord *record = g_ptr_array_index (records, i);
      HeraldRecord *old_record = NULL;
      gboolean changed;

      ok = save_locked (self, record, origin, now, &old_record, &changed, error);
      if (ok && changed && records->len > MANY_CHANGES)
        {
          /* announced as table resets: no per-record copies */
          g_hash_table_add (tables, (gpointer) herald_record_get_table_name (record));
          g_clear_object (&old_record);
        }
      else if (ok && changed)
        {
          g_ptr_array_add (olds, old_record);
          HeraldRecord *copy = herald_record_copy (record);

          herald_store_record_set_local_id (copy, herald_store_record_get_local_id (record));
          g_ptr_array_add (news, copy);
          g_hash_table_add (tables, (gpointer) herald_record_get_table_name (record));
        }
      else
        g_clear_object (&old_record);
    }
  if (ok && meta_key != NULL)
    ok = set_meta_locked (self, meta_key, meta_value, error);
  ok = commit_or_rollback (self, ok, error);
  g_mutex_unlock (&self->write_lock);

  if (!ok)
    return FALSE;

  if (records->len > MANY_CHANGES)
    {
      GHashTableIter iter;
      gpointer table;

      g_hash_table_iter_init (&iter, tables);
      while (g_hash_table_iter_next (&iter, &table, NULL))
        emit_on_context (self, NULL, NULL, table);
    }
  else
    for (guint i = 0; i < news->len; i++)
      emit_on_context (self, g_ptr_array_index (olds, i), g_ptr_array_index (news, i), NULL);
  return TRUE;
}

/* GObject ------------------------------------------------------------- */

static void
herald_store_finalize (GObject *object)
{
  HeraldStore *self = HERALD_STORE (object);

  g_clear_pointer (&self->read_stmts, g_hash_table_unref);
  g_clear_pointer (&self->write_stmts, g_hash_table_unref);
  if (self->read_db != NULL)
    sqlite3_close_v2 (self->read_db);
  if (self->write_db != NULL)
    sqlite3_close_v2 (self->write_db);
  g_mutex_clear (&self->write_lock);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (herald_store_parent_class)->finalize (object);
}

static void
herald_store_class_init (HeraldStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_store_finalize;

  /**
   * HeraldStore::record-changed:
   * @self: the store
   * @old_record: (nullable): the record before the change, %NULL if created
   * @new_record: (nullable): the record after the change, %NULL if deleted
   *
   * One record changed; emitted on the store's context after the commit.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, HERALD_TYPE_RECORD, HERALD_TYPE_RECORD);

  /**
   * HeraldStore::table-reset:
   * @self: the store
   * @table: the table, e.g. "campaigns"
   *
   * Many rows of @table changed at once; lists over it reload.
   */
  signals[TABLE_RESET] =
    g_signal_new ("table-reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
stmt_finalize (gpointer data)
{
  sqlite3_finalize (data);
}

static void
herald_store_init (HeraldStore *self)
{
  g_mutex_init (&self->write_lock);
  self->read_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_finalize);
  self->write_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_finalize);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
}

/* Opening ------------------------------------------------------------- */

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *result,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *result = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    herald_store_set_sqlite_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
check_file (const char  *path,
            gboolean    *exists,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize n = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *exists = FALSE;
          return TRUE;
        }
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                   _("Cannot read the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  *exists = TRUE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n, NULL, &local_error))
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                   _("Cannot read the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  /* An empty file is what sqlite3_open leaves behind; anything else must
   * be an SQLite database, and is never overwritten. */
  if (n == 0)
    return TRUE;
  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Herald database or is damaged; it was left untouched."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (HeraldStore  *self,
         int           from,
         int           to,
         GError      **error)
{
  for (int v = from + 1; v <= to; v++)
    {
      static const char * const files[] = {
        NULL,
        "/io/github/herald/core/sql/0001-initial.sql",
        "/io/github/herald/core/sql/0002-search.sql",
        "/io/github/herald/core/sql/0003-template-preheader.sql",
        "/io/github/herald/core/sql/0004-search-sort-roi.sql",
        "/io/github/herald/core/sql/0005-machine-opens.sql",
        "/io/github/herald/core/sql/0006-performance-updated.sql",
        "/io/github/herald/core/sql/0007-recipient-counts.sql",
      };
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      gboolean ok;

      G_STATIC_ASSERT (G_N_ELEMENTS (files) == LATEST_SCHEMA_VERSION + 1);
      bytes = g_resources_lookup_data (files[v], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (!begin (self, error))
        return FALSE;
      ok = exec_sql (self->write_db, sql, error);
      if (ok && v == 1)
        ok = exec_sql (self->write_db, "PRAGMA application_id = " G_STRINGIFY (HERALD_APPLICATION_ID), error);
      if (ok)
        ok = exec_sql (self->write_db, pragma, error);
      if (!commit_or_rollback (self, ok, error))
        {
          g_prefix_error (error, _("Cannot update the database to version %d: "), v);
          return FALSE;
        }
      self->schema_version = v;
    }
  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      gboolean     for_writes,
                      GError     **error)
{
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);
  if (!exec_sql (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  /* A larger page cache keeps the random UUID index of a million rows
   * out of read() calls (5× faster bulk inserts). */
  if (!exec_sql (db, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (for_writes)
    return exec_sql (db, "PRAGMA synchronous = FULL; PRAGMA cache_size = -65536", error);
  return exec_sql (db, "PRAGMA query_only = ON; PRAGMA cache_size = -32768", error);
}

/**
 * herald_store_open_at_version: (skip)
 * @path: (nullable): the database file, %NULL for the default
 * @max_version: the newest schema to migrate to
 * @error: return location for a %HERALD_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the store
 */
HeraldStore *
herald_store_open_at_version (const char  *path,
                              int          max_version,
                              GError     **error)
{
  g_autoptr(HeraldStore) self = NULL;
  g_autofree char *default_path = NULL;
  gint64 user_version = 0, app_id = 0, n_objects = 0;
  gboolean exists;
  int rc;

  g_return_val_if_fail (max_version >= 1 && max_version <= LATEST_SCHEMA_VERSION, NULL);

  if (path == NULL)
    {
      g_autofree char *dir = NULL;

      path = default_path = herald_store_get_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_FAILED,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }

  if (!check_file (path, &exists, error))
    return NULL;

  self = g_object_new (HERALD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->write_db,
                        SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      herald_store_set_sqlite_error (self->write_db, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->write_db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->write_db, 1);

  /* Only reads until we know the file is ours and not from the future. */
  if (!query_int (self->write_db, "SELECT count(*) FROM sqlite_master", &n_objects, error)
      || !query_int (self->write_db, "PRAGMA user_version", &user_version, error)
      || !query_int (self->write_db, "PRAGMA application_id", &app_id, error))
    return NULL;

  if ((user_version == 0 && n_objects > 0)
      || (user_version > 0 && app_id != HERALD_APPLICATION_ID))
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Herald database; it was left untouched."), path);
      return NULL;
    }
  if (user_version > LATEST_SCHEMA_VERSION)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Herald (schema %d, this version knows %d). "
                     "Please update Herald."),
                   path, (int) user_version, LATEST_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = (int) user_version;

  {
    sqlite3_stmt *stmt = NULL;
    const char *mode = NULL;

    rc = sqlite3_prepare_v2 (self->write_db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
      mode = (const char *) sqlite3_column_text (stmt, 0);
    if (mode == NULL || g_ascii_strcasecmp (mode, "wal") != 0)
      {
        if (rc == SQLITE_ROW)
          g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_LOCKED,
                       _("The database is in use by another program."));
        else
          herald_store_set_sqlite_error (self->write_db, rc, error);
        sqlite3_finalize (stmt);
        return NULL;
      }
    sqlite3_finalize (stmt);
  }

  if (!configure_connection (self->write_db, TRUE, error)
      || !migrate (self, self->schema_version, max_version, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->read_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      herald_store_set_sqlite_error (self->read_db, rc, error);
      return NULL;
    }
  if (!configure_connection (self->read_db, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * herald_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/herald/herald.db`
 */
char *
herald_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "herald", "herald.db", NULL);
}

/**
 * herald_store_open:
 * @path: (nullable): the database file, %NULL for the default path
 * @error: return location for a %HERALD_STORE_ERROR
 *
 * Opens or creates the store and brings its schema up to date, each
 * migration in one transaction.  A damaged file, another program's file, a
 * file of a newer schema or a locked file is reported and left untouched.
 *
 * Returns: (transfer full) (nullable): the store
 */
HeraldStore *
herald_store_open (const char  *path,
                   GError     **error)
{
  return herald_store_open_at_version (path, LATEST_SCHEMA_VERSION, error);
}

/**
 * herald_store_get_path:
 * @self: a store
 *
 * Returns: the database file
 */
const char *
herald_store_get_path (HeraldStore *self)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  return self->path;
}

/**
 * herald_store_get_schema_version:
 * @self: a store
 *
 * Returns: the schema version of the open file
 */
int
herald_store_get_schema_version (HeraldStore *self)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * herald_store_get_latest_schema_version:
 *
 * Returns: the schema version this Herald writes
 */
int
herald_store_get_latest_schema_version (void)
{
  return LATEST_SCHEMA_VERSION;
}

/**
 * herald_store_get_read_handle: (skip)
 * @self: a store
 *
 * Returns: the read connection (`sqlite3 *`)
 */
gpointer
herald_store_get_read_handle (HeraldStore *self)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  return self->read_db;
}

/**
 * herald_store_get_write_handle: (skip)
 * @self: a store
 *
 * For tests that look at the connection's settings; never write through
 * it or keep a statement open across a store call.
 *
 * Returns: the connection that takes edits (`sqlite3 *`)
 */
gpointer
herald_store_get_write_handle (HeraldStore *self)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);

  return self->write_db;
}

/**
 * herald_store_is_empty:
 * @self: a store
 *
 * Returns: whether the store holds no campaign, template, contact or segment
 */
gboolean
herald_store_is_empty (HeraldStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);

  if (!query_int (self->read_db,
                  "SELECT (SELECT count(*) FROM (SELECT 1 FROM campaigns LIMIT 1))"
                  " + (SELECT count(*) FROM (SELECT 1 FROM templates LIMIT 1))"
                  " + (SELECT count(*) FROM (SELECT 1 FROM contacts LIMIT 1))"
                  " + (SELECT count(*) FROM (SELECT 1 FROM segments LIMIT 1))", &n, NULL))
    return FALSE;
  return n == 0;
}

/* Public writes ------------------------------------------------------- */

/**
 * herald_store_save_full:
 * @self: a store
 * @record: the record to insert or update
 * @origin: whether a person made the change or it comes from the server
 * @error: return location for a %HERALD_STORE_ERROR or %HERALD_MODEL_ERROR
 *
 * Writes @record in one transaction.  A local change is validated, checked
 * against the campaign lifecycle, gets updated_at/version/sync_state set
 * (also on @record) and an outbox row in the same transaction.
 *
 * Returns: whether the record was stored
 */
gboolean
herald_store_save_full (HeraldStore        *self,
                        HeraldRecord       *record,
                        HeraldStoreOrigin   origin,
                        GError            **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_RECORD (record), FALSE);

  g_ptr_array_add (one, record);
  return save_many_internal (self, one, origin, NULL, NULL, error);
}

/**
 * herald_store_save:
 * @self: a store
 * @record: the record to insert or update
 * @error: return location for an error
 *
 * herald_store_save_full() for a person's edit.
 *
 * Returns: whether the record was stored
 */
gboolean
herald_store_save (HeraldStore   *self,
                   HeraldRecord  *record,
                   GError       **error)
{
  return herald_store_save_full (self, record, HERALD_STORE_ORIGIN_LOCAL, error);
}

/**
 * herald_store_save_many:
 * @self: a store
 * @records: (element-type HeraldRecord): records of any types, parents
 *   before children
 * @origin: local edits or server data
 * @error: return location for an error
 *
 * Writes all records in one transaction: all or nothing.
 *
 * Returns: whether every record was stored
 */
gboolean
herald_store_save_many (HeraldStore        *self,
                        GPtrArray          *records,
                        HeraldStoreOrigin   origin,
                        GError            **error)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  return save_many_internal (self, records, origin, NULL, NULL, error);
}

/**
 * herald_store_delete:
 * @self: a store
 * @record: the record to delete
 * @error: return location for an error
 *
 * Deletes the record (and, for a campaign, its recipients, events, variants
 * and performance) and appends a "delete" op to the outbox, unless the
 * record never reached the server: then its pending ops are dropped too.
 *
 * Returns: whether the record was deleted
 */
gboolean
herald_store_delete (HeraldStore   *self,
                     HeraldRecord  *record,
                     GError       **error)
{
  g_autoptr(GDateTime) now = now_utc_ms ();
  g_autoptr(HeraldRecord) old_record = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_RECORD (record), FALSE);

  g_mutex_lock (&self->write_lock);
  if (!begin (self, error))
    goto out;

  old_record = load_by_id (self->write_db, self->write_stmts, G_OBJECT_TYPE (record),
                           herald_record_get_id (record), error);
  if (old_record == NULL)
    goto rollback;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", herald_record_get_table_name (record));
  stmt = prepare_cached (self->write_db, self->write_stmts, sql, error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (self->write_db, rc, error);
      goto rollback;
    }

  if (herald_record_get_sync_state (old_record) == HERALD_SYNC_STATE_CREATED)
    {
      gint64 attempted = 0;

      stmt = prepare_cached (self->write_db, self->write_stmts,
                             "SELECT count(*) FROM outbox WHERE entity_id = ?1 AND attempts > 0", error);
      if (stmt == NULL)
        goto rollback;
      sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        attempted = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (attempted == 0)
        {
          stmt = prepare_cached (self->write_db, self->write_stmts,
                                 "DELETE FROM outbox WHERE entity_id = ?1", error);
          if (stmt == NULL)
            goto rollback;
          sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              herald_store_set_sqlite_error (self->write_db, rc, error);
              goto rollback;
            }
          ok = TRUE;
          goto rollback;
        }
    }
  ok = outbox_append (self, old_record, "delete", NULL,
                      herald_record_get_server_version (old_record), now, error);

rollback:
  ok = commit_or_rollback (self, ok, error);
out:
  g_mutex_unlock (&self->write_lock);
  if (ok)
    {
      emit_on_context (self, old_record, NULL, NULL);
      if (HERALD_IS_CAMPAIGN (old_record))
        {
          /* the cascade removed rows of these tables */
          emit_on_context (self, NULL, NULL, "recipients");
        }
    }
  return ok;
}

/**
 * herald_store_transition_campaign:
 * @self: a store
 * @campaign: a stored campaign
 * @to: the wanted status
 * @error: return location for an error
 *
 * Applies herald_campaign_transition() and stores the result with the
 * transition's command ("schedule", "start", ...) in the outbox.  On
 * failure @campaign is unchanged.
 *
 * Returns: whether the campaign is now in @to
 */
gboolean
herald_store_transition_campaign (HeraldStore           *self,
                                  HeraldCampaign        *campaign,
                                  HeraldCampaignStatus   to,
                                  GError               **error)
{
  g_autoptr(HeraldRecord) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), FALSE);

  copy = herald_record_copy (HERALD_RECORD (campaign));
  if (!herald_campaign_transition (HERALD_CAMPAIGN (copy), to, NULL, error)
      || !herald_store_save (self, copy, error))
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (copy), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (campaign));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (campaign), pspecs[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (campaign));
  return TRUE;
}

/* Async writes -------------------------------------------------------- */

typedef struct
{
  GPtrArray         *originals;
  GPtrArray         *copies;
  HeraldStoreOrigin  origin;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  g_ptr_array_unref (d->originals);
  g_ptr_array_unref (d->copies);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (save_many_internal (source_object, d->copies, d->origin, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_async_common (HeraldStore         *self,
                   GPtrArray           *records,
                   HeraldStoreOrigin    origin,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SaveData *d = g_new0 (SaveData, 1);

  g_task_set_source_tag (task, source_tag);
  /* The worker writes copies; the caller's objects stay on its thread and
   * get the new bookkeeping in _finish. */
  d->originals = g_ptr_array_new_with_free_func (g_object_unref);
  d->copies = g_ptr_array_new_with_free_func (g_object_unref);
  d->origin = origin;
  for (guint i = 0; i < records->len; i++)
    {
      g_ptr_array_add (d->originals, g_object_ref (g_ptr_array_index (records, i)));
      g_ptr_array_add (d->copies, herald_record_copy (g_ptr_array_index (records, i)));
    }
  g_task_set_task_data (task, d, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_finish_common (HeraldStore   *self,
                    GAsyncResult  *result,
                    GError       **error)
{
  SaveData *d = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  for (guint i = 0; i < d->originals->len; i++)
    copy_bookkeeping (g_ptr_array_index (d->originals, i), g_ptr_array_index (d->copies, i));
  return TRUE;
}

/**
 * herald_store_save_async:
 * @self: a store
 * @record: the record to save (a copy is written in a worker thread)
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's context when done
 * @user_data: data for @callback
 *
 * herald_store_save() off the calling thread.
 */
void
herald_store_save_async (HeraldStore         *self,
                         HeraldRecord        *record,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_if_fail (HERALD_IS_STORE (self));
  g_return_if_fail (HERALD_IS_RECORD (record));

  g_ptr_array_add (one, record);
  save_async_common (self, one, HERALD_STORE_ORIGIN_LOCAL, herald_store_save_async,
                     cancellable, callback, user_data);
}

/**
 * herald_store_save_finish:
 * @self: a store
 * @result: the result
 * @error: return location for an error
 *
 * Completes herald_store_save_async() and updates the record's times,
 * version and sync state.
 *
 * Returns: whether the record was stored
 */
gboolean
herald_store_save_finish (HeraldStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return save_finish_common (self, result, error);
}

/**
 * herald_store_save_many_async:
 * @self: a store
 * @records: (element-type HeraldRecord): the records
 * @origin: local edits or server data
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's context when done
 * @user_data: data for @callback
 *
 * herald_store_save_many() off the calling thread.
 */
void
herald_store_save_many_async (HeraldStore         *self,
                              GPtrArray           *records,
                              HeraldStoreOrigin    origin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HERALD_IS_STORE (self));
  g_return_if_fail (records != NULL);

  save_async_common (self, records, origin, herald_store_save_many_async,
                     cancellable, callback, user_data);
}

/**
 * herald_store_save_many_finish:
 * @self: a store
 * @result: the result
 * @error: return location for an error
 *
 * Completes herald_store_save_many_async().
 *
 * Returns: whether every record was stored
 */
gboolean
herald_store_save_many_finish (HeraldStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return save_finish_common (self, result, error);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (herald_store_delete (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * herald_store_delete_async:
 * @self: a store
 * @record: the record to delete
 * @cancellable: (nullable): a cancellable
 * @callback: called on the caller's context when done
 * @user_data: data for @callback
 *
 * herald_store_delete() in a worker thread: deleting a campaign removes all
 * its recipients, which may be millions of rows.
 */
void
herald_store_delete_async (HeraldStore         *self,
                           HeraldRecord        *record,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HERALD_IS_STORE (self));
  g_return_if_fail (HERALD_IS_RECORD (record));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_store_delete_async);
  g_task_set_task_data (task, herald_record_copy (record), g_object_unref);
  g_task_run_in_thread (task, delete_thread);
}

/**
 * herald_store_delete_finish:
 * @self: a store
 * @result: the result
 * @error: return location for an error
 *
 * Completes herald_store_delete_async().
 *
 * Returns: whether the record was deleted
 */
gboolean
herald_store_delete_finish (HeraldStore   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * herald_store_queue_command:
 * @self: a store
 * @record: the stored record the command is about
 * @command: what the CRM is to do, such as "test" or "send_winner"
 * @arguments: (nullable): the command's arguments, such as the addresses
 *   of a test send
 * @error: return location for an error
 *
 * Appends a command to the outbox, to be replayed in order by sync.  For
 * commands that change no field of @record: lifecycle changes go through
 * herald_store_transition_campaign(), which stores the new status too.
 *
 * Returns: %TRUE when the command was queued
 */
gboolean
herald_store_queue_command (HeraldStore   *self,
                            HeraldRecord  *record,
                            const char    *command,
                            JsonObject    *arguments,
                            GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *patch = NULL;
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (command != NULL && *command != '\0', FALSE);
  g_return_val_if_fail (!g_str_equal (command, "update") && !g_str_equal (command, "create")
                        && !g_str_equal (command, "delete"), FALSE);

  if (arguments != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, arguments);
      patch = json_to_string (node, FALSE);
    }

  if (!begin (self, error))
    return FALSE;
  ok = outbox_append (self, record, command, patch,
                      herald_record_get_server_version (record), now, error);
  return commit_or_rollback (self, ok, error);
}

/*
 * choose_winner_locked:
 * @changed: (out): the variants written, losers first
 * @olds: (out): the same variants as they were stored
 *
 * The body of herald_store_choose_winner(), inside its transaction.
 */
static gboolean
choose_winner_locked (HeraldStore     *self,
                      HeraldCampaign  *campaign,
                      HeraldVariant   *winner,
                      GDateTime       *now,
                      GPtrArray       *changed,
                      GPtrArray       *olds,
                      GError         **error)
{
  const char *campaign_id = herald_record_get_id (HERALD_RECORD (campaign));
  const char *winner_id = herald_record_get_id (HERALD_RECORD (winner));
  g_autoptr(HeraldRecord) stored_campaign = NULL;
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) arguments = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *sql = NULL;
  g_autofree char *patch = NULL;
  HeraldVariant *stored_winner = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stored_campaign = load_by_id (self->write_db, self->write_stmts, HERALD_TYPE_CAMPAIGN, campaign_id, error);
  if (stored_campaign == NULL)
    return FALSE;

  sql = g_strdup_printf ("%s WHERE campaign_id = ?1 ORDER BY variant_name, local_id",
                         entity_info (HERALD_TYPE_VARIANT)->select_sql);
  stmt = prepare_cached (self->write_db, self->write_stmts, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, campaign_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (variants, herald_store_record_from_row (HERALD_TYPE_VARIANT, stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (self->write_db, rc, error);

  for (guint i = 0; i < variants->len; i++)
    if (g_strcmp0 (herald_record_get_id (g_ptr_array_index (variants, i)), winner_id) == 0)
      stored_winner = g_ptr_array_index (variants, i);
  if (stored_winner == NULL)
    {
      g_set_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_NOT_FOUND,
                   _("Variant “%s” is not part of the A/B test of “%s”."),
                   herald_variant_get_variant_name (winner), herald_campaign_get_name (campaign));
      return FALSE;
    }

  /* Losers first, so that no pushed update ever shows two winners. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < variants->len; i++)
      {
        HeraldVariant *v = g_ptr_array_index (variants, i);
        gboolean is_winner = v == stored_winner;
        HeraldRecord *old_record = NULL;
        gboolean written;

        if (is_winner != (pass == 1) || herald_variant_get_is_winner (v) == is_winner)
          continue;
        herald_variant_set_is_winner (v, is_winner);
        if (!save_locked (self, HERALD_RECORD (v), HERALD_STORE_ORIGIN_LOCAL, now, &old_record, &written, error))
          return FALSE;
        if (written)
          {
            g_ptr_array_add (changed, herald_record_copy (HERALD_RECORD (v)));
            herald_store_record_set_local_id (g_ptr_array_index (changed, changed->len - 1),
                                              herald_store_record_get_local_id (HERALD_RECORD (v)));
            g_ptr_array_add (olds, old_record);
          }
        else
          g_clear_object (&old_record);
      }

  /* The CRM sends the winner to the rest on this command, replayed after
   * the variant updates. */
  json_object_set_string_member (arguments, "variant_id", winner_id);
  json_object_set_string_member (arguments, "variant", herald_variant_get_variant_name (stored_winner));
  json_node_set_object (node, arguments);
  patch = json_to_string (node, FALSE);
  return outbox_append (self, stored_campaign, "send_winner", patch,
                        herald_record_get_server_version (stored_campaign), now, error);
}

/**
 * herald_store_choose_winner:
 * @self: a store
 * @campaign: a stored campaign with A/B variants
 * @winner: one of @campaign's stored variants
 * @error: return location for an error
 *
 * Records the choice of an A/B test's winner: @winner gets is_winner set
 * and every other variant of @campaign has it cleared (local saves, so
 * the outbox carries `update` entries, losers first), and the command
 * "send_winner" with `{"variant_id": …, "variant": "B"}` is queued after
 * them, on which the CRM sends @winner to the recipients not yet reached.
 * All of it happens in one transaction: on any failure nothing is
 * stored, neither a half-marked test nor a command without its winner.
 *
 * Returns: whether the choice was stored and queued
 */
gboolean
herald_store_choose_winner (HeraldStore     *self,
                            HeraldCampaign  *campaign,
                            HeraldVariant   *winner,
                            GError         **error)
{
  g_autoptr(GDateTime) now = now_utc_ms ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (unref_nullable);
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (HERALD_IS_VARIANT (winner), FALSE);

  g_mutex_lock (&self->write_lock);
  ok = begin (self, error);
  if (ok)
    {
      ok = choose_winner_locked (self, campaign, winner, now, changed, olds, error);
      ok = commit_or_rollback (self, ok, error);
    }
  g_mutex_unlock (&self->write_lock);

  if (!ok)
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    emit_on_context (self, g_ptr_array_index (olds, i), g_ptr_array_index (changed, i), NULL);
  return TRUE;
}

/**
 * herald_store_remove_outbox_entry:
 * @self: a store
 * @seq: the entry's sequence number
 * @error: return location for an error
 *
 * Removes an entry the server has accepted.
 *
 * Returns: whether the entry is gone
 */
gboolean
herald_store_remove_outbox_entry (HeraldStore  *self,
                                  gint64        seq,
                                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);

  g_mutex_lock (&self->write_lock);
  stmt = prepare_cached (self->write_db, self->write_stmts, "DELETE FROM outbox WHERE seq = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        herald_store_set_sqlite_error (self->write_db, rc, error);
    }
  g_mutex_unlock (&self->write_lock);
  return rc == SQLITE_DONE;
}

/* Undo points ---------------------------------------------------------- */

struct _HeraldStoreUndoPoint
{
  HeraldRecord *record;       /* as stored before the change */
  gint64        last_seq;     /* the newest outbox row (any record) then */
  gint64        fold_seq;     /* the record's row a change could fold into */
  char         *fold_patch;
};

/**
 * herald_store_undo_point_free:
 * @point: an undo point
 *
 * Frees @point.
 */
void
herald_store_undo_point_free (HeraldStoreUndoPoint *point)
{
  if (point == NULL)
    return;
  g_clear_object (&point->record);
  g_free (point->fold_patch);
  g_free (point);
}

/**
 * herald_store_undo_point_new:
 * @self: a store
 * @record: a stored record about to be changed locally
 * @error: return location for an error
 *
 * Remembers @record as stored and where its outbox stands, so that the
 * next local change of it can be undone exactly with
 * herald_store_undo_point_restore().
 *
 * Returns: (transfer full) (nullable): the undo point
 */
HeraldStoreUndoPoint *
herald_store_undo_point_new (HeraldStore   *self,
                             HeraldRecord  *record,
                             GError       **error)
{
  g_autoptr(HeraldStoreUndoPoint) point = g_new0 (HeraldStoreUndoPoint, 1);
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (HERALD_IS_RECORD (record), NULL);

  g_mutex_lock (&self->write_lock);
  point->record = load_by_id (self->write_db, self->write_stmts, G_OBJECT_TYPE (record),
                              herald_record_get_id (record), error);
  if (point->record == NULL)
    goto out;
  stmt = prepare_cached (self->write_db, self->write_stmts, "SELECT coalesce(max(seq), 0) FROM outbox", error);
  if (stmt == NULL)
    goto out;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    point->last_seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      herald_store_set_sqlite_error (self->write_db, rc, error);
      goto out;
    }
  /* the row an "update" folds into (see outbox_append()) */
  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "SELECT seq, op, patch, state, attempts FROM outbox WHERE entity_id = ?1 "
                         "AND entity = ?2 ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, herald_record_get_entity_name (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *op = (const char *) sqlite3_column_text (stmt, 1);
      const char *state = (const char *) sqlite3_column_text (stmt, 3);

      if ((g_str_equal (op, "create") || g_str_equal (op, "update"))
          && g_str_equal (state, "pending") && sqlite3_column_int (stmt, 4) == 0)
        {
          point->fold_seq = sqlite3_column_int64 (stmt, 0);
          point->fold_patch = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      herald_store_set_sqlite_error (self->write_db, rc, error);
      goto out;
    }
  ok = TRUE;

out:
  g_mutex_unlock (&self->write_lock);
  return ok ? g_steal_pointer (&point) : NULL;
}

static gboolean
set_changed_error (GError **error)
{
  g_set_error_literal (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_CHANGED,
                       _("The change can no longer be undone: it was changed again or already sent."));
  return FALSE;
}

static gboolean
undo_point_restore_locked (HeraldStore           *self,
                           HeraldStoreUndoPoint  *point,
                           HeraldRecord         **current_out,
                           HeraldRecord         **restored_out,
                           GError               **error)
{
  HeraldRecord *record = point->record;
  g_autoptr(HeraldRecord) current = NULL;
  sqlite3_stmt *stmt;
  gint64 version, stored;
  int rc;

  current = load_by_id (self->write_db, self->write_stmts, G_OBJECT_TYPE (record),
                        herald_record_get_id (record), NULL);
  if (current == NULL)
    return set_changed_error (error);
  /* one local change since the point (or none), nothing after it */
  version = herald_record_get_version (record);
  stored = herald_record_get_version (current);
  if (stored != version && stored != version + 1)
    return set_changed_error (error);

  /* What the change queued, if sync has not touched it yet. */
  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "SELECT count(*) FROM outbox WHERE entity_id = ?1 AND entity = ?2 AND seq > ?3 "
                         "AND (attempts > 0 OR state <> 'pending')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, herald_record_get_entity_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, point->last_seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    rc = SQLITE_MISUSE;
  sqlite3_reset (stmt);
  if (rc == SQLITE_MISUSE)
    return set_changed_error (error);
  if (rc != SQLITE_ROW)
    return herald_store_set_sqlite_error (self->write_db, rc, error);

  /* An edit may have folded into the record's last pending row. */
  if (point->fold_seq > 0)
    {
      gboolean gone = TRUE, same = FALSE, untouched = FALSE;

      stmt = prepare_cached (self->write_db, self->write_stmts,
                             "SELECT patch, state, attempts FROM outbox WHERE seq = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, point->fold_seq);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          gone = FALSE;
          same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), point->fold_patch) == 0;
          untouched = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "pending") == 0
                      && sqlite3_column_int (stmt, 2) == 0;
          rc = SQLITE_DONE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return herald_store_set_sqlite_error (self->write_db, rc, error);
      /* pushed (or tried) with what the change folded into it */
      if (gone || (!same && !untouched))
        return set_changed_error (error);
      if (!same)
        {
          stmt = prepare_cached (self->write_db, self->write_stmts,
                                 "UPDATE outbox SET patch = ?1 WHERE seq = ?2", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, point->fold_patch, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, point->fold_seq);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return herald_store_set_sqlite_error (self->write_db, rc, error);
        }
    }

  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "DELETE FROM outbox WHERE entity_id = ?1 AND entity = ?2 AND seq > ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, herald_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, herald_record_get_entity_name (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, point->last_seq);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (self->write_db, rc, error);

  /* the row as it was: times, version and sync state included */
  *restored_out = herald_record_copy (record);
  if (!upsert (self, *restored_out, error))
    return FALSE;
  *current_out = g_steal_pointer (&current);
  return TRUE;
}

/**
 * herald_store_undo_point_restore:
 * @self: a store
 * @point: an undo point of @self
 * @error: return location for an error
 *
 * Undoes the local change made since @point was taken: the record is
 * stored as it was (with its old version, times and sync state), the
 * outbox rows the change added are removed and a patch it folded into an
 * earlier pending row is put back, all in one transaction.  Fails with
 * %HERALD_STORE_ERROR_CHANGED, changing nothing, when the record changed
 * again or sync has already tried to push any of it.
 *
 * Returns: whether the record and its outbox are as they were
 */
gboolean
herald_store_undo_point_restore (HeraldStore           *self,
                                 HeraldStoreUndoPoint  *point,
                                 GError               **error)
{
  g_autoptr(HeraldRecord) current = NULL;
  g_autoptr(HeraldRecord) restored = NULL;
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  g_mutex_lock (&self->write_lock);
  if (!begin (self, error))
    {
      g_mutex_unlock (&self->write_lock);
      return FALSE;
    }
  ok = undo_point_restore_locked (self, point, &current, &restored, error);
  ok = commit_or_rollback (self, ok, error);
  g_mutex_unlock (&self->write_lock);
  if (!ok)
    return FALSE;

  emit_on_context (self, current, restored, NULL);
  return TRUE;
}

static gboolean
set_meta_locked (HeraldStore  *self,
                 const char   *key,
                 const char   *value,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "INSERT INTO store_meta (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return herald_store_set_sqlite_error (self->write_db, rc, error);
  return TRUE;
}

/**
 * herald_store_set_meta:
 * @self: a store
 * @key: a name
 * @value: (nullable): its value
 * @error: return location for an error
 *
 * Stores a small setting of the store (a sync cursor, say).
 *
 * Returns: whether it was stored
 */
gboolean
herald_store_set_meta (HeraldStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  g_mutex_lock (&self->write_lock);
  ok = set_meta_locked (self, key, value, error);
  g_mutex_unlock (&self->write_lock);
  return ok;
}

/**
 * herald_store_get_meta:
 * @self: a store
 * @key: a name
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the value, %NULL when unset (without
 *   an error) or on error
 */
char *
herald_store_get_meta (HeraldStore  *self,
                       const char   *key,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (HERALD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prepare_cached (self->read_db, self->read_stmts, "SELECT value FROM store_meta WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    herald_store_set_sqlite_error (self->read_db, rc, error);
  sqlite3_reset (stmt);
  return value;
}

/**
 * herald_store_save_page:
 * @self: a store
 * @records: (element-type HeraldRecord): records as the server has them
 * @cursor_key: the store_meta key of the cursor
 * @cursor_value: (nullable): the cursor after this page
 * @error: return location for an error
 *
 * Stores a pulled page and its cursor in one transaction, so that a crash
 * never leaves a cursor ahead of the data.
 *
 * Returns: whether page and cursor were stored
 */
gboolean
herald_store_save_page (HeraldStore  *self,
                        GPtrArray    *records,
                        const char   *cursor_key,
                        const char   *cursor_value,
                        GError      **error)
{
  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL && cursor_key != NULL, FALSE);

  return save_many_internal (self, records, HERALD_STORE_ORIGIN_REMOTE, cursor_key, cursor_value, error);
}

/**
 * herald_store_mark_outbox_attempt:
 * @self: a store
 * @seq: the entry
 * @next_attempt_at: (nullable): when to retry
 * @failed: park the entry as failed (other 4xx): never retried by itself
 * @message: (nullable): the server's message
 * @error: return location for an error
 *
 * Records one unsuccessful push of an outbox entry.
 *
 * Returns: whether the entry was updated
 */
gboolean
herald_store_mark_outbox_attempt (HeraldStore  *self,
                                  gint64        seq,
                                  GDateTime    *next_attempt_at,
                                  gboolean      failed,
                                  const char   *message,
                                  GError      **error)
{
  g_autofree char *when = herald_datetime_to_iso8601 (next_attempt_at);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (HERALD_IS_STORE (self), FALSE);

  g_mutex_lock (&self->write_lock);
  stmt = prepare_cached (self->write_db, self->write_stmts,
                         "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2, "
                         "state = ?3, last_error = ?4 WHERE seq = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      if (when != NULL)
        sqlite3_bind_text (stmt, 2, when, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, failed ? "failed" : "pending", -1, SQLITE_STATIC);
      if (message != NULL)
        sqlite3_bind_text (stmt, 4, message, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        herald_store_set_sqlite_error (self->write_db, rc, error);
    }
  g_mutex_unlock (&self->write_lock);
  return rc == SQLITE_DONE;
}
