/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-record.c: the base class of every stored entity. */

#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "herald-record.h"
#include "herald-record-private.h"
#include "herald-enum-types.h"
#include "herald-util.h"

typedef struct
{
  char            *id;
  GDateTime       *created_at;
  GDateTime       *updated_at;
  gint64           version;
  HeraldSyncState  sync_state;
  char            *server_version;
  char            *base;
} HeraldRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeraldRecord, herald_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  PROP_SYNC_STATE,
  PROP_SERVER_VERSION,
  PROP_BASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_datetime (GDateTime **slot,
              GDateTime  *value)
{
  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  return TRUE;
}

static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
herald_record_finalize (GObject *object)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (HERALD_RECORD (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);
  g_clear_pointer (&priv->server_version, g_free);
  g_clear_pointer (&priv->base, g_free);

  G_OBJECT_CLASS (herald_record_parent_class)->finalize (object);
}

static void
herald_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (HERALD_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;

    case PROP_SYNC_STATE:
      g_value_set_enum (value, priv->sync_state);
      break;

    case PROP_SERVER_VERSION:
      g_value_set_string (value, priv->server_version);
      break;

    case PROP_BASE:
      g_value_set_string (value, priv->base);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HeraldRecord *self = HERALD_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      herald_record_set_id (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      herald_record_set_created_at (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED_AT:
      herald_record_set_updated_at (self, g_value_get_boxed (value));
      break;

    case PROP_VERSION:
      herald_record_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_SYNC_STATE:
      herald_record_set_sync_state (self, g_value_get_enum (value));
      break;

    case PROP_SERVER_VERSION:
      herald_record_set_server_version (self, g_value_get_string (value));
      break;

    case PROP_BASE:
      herald_record_set_base (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_record_class_init (HeraldRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_record_finalize;
  object_class->get_property = herald_record_get_property;
  object_class->set_property = herald_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_STATE] =
    g_param_spec_enum ("sync-state", NULL, NULL,
                       HERALD_TYPE_SYNC_STATE, HERALD_SYNC_STATE_CREATED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_VERSION] =
    g_param_spec_string ("server-version", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE] =
    g_param_spec_string ("base", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_record_init (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  priv->sync_state = HERALD_SYNC_STATE_CREATED;
}

/**
 * herald_record_get_id:
 * @self: a #HeraldRecord
 *
 * Returns: the record's UUID
 */
const char *
herald_record_get_id (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return priv->id;
}

/**
 * herald_record_set_id:
 * @self: a #HeraldRecord
 * @id: a UUID
 *
 * Sets the record's id; only before the record is first stored.
 */
void
herald_record_set_id (HeraldRecord *self,
                      const char   *id)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (set_string (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * herald_record_get_created_at:
 * @self: a #HeraldRecord
 *
 * Returns: (transfer none) (nullable): when the record was created, UTC
 */
GDateTime *
herald_record_get_created_at (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return priv->created_at;
}

/**
 * herald_record_set_created_at:
 * @self: a #HeraldRecord
 * @created_at: (nullable): a time
 *
 * Sets #HeraldRecord:created-at.
 */
void
herald_record_set_created_at (HeraldRecord *self,
                              GDateTime    *created_at)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (set_datetime (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/**
 * herald_record_get_updated_at:
 * @self: a #HeraldRecord
 *
 * Returns: (transfer none) (nullable): when the record last changed, UTC
 */
GDateTime *
herald_record_get_updated_at (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return priv->updated_at;
}

/**
 * herald_record_set_updated_at:
 * @self: a #HeraldRecord
 * @updated_at: (nullable): a time
 *
 * Sets #HeraldRecord:updated-at.
 */
void
herald_record_set_updated_at (HeraldRecord *self,
                              GDateTime    *updated_at)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (set_datetime (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * herald_record_get_version:
 * @self: a #HeraldRecord
 *
 * Returns: the local revision, bumped by every local save
 */
gint64
herald_record_get_version (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), 0);

  return priv->version;
}

/**
 * herald_record_set_version:
 * @self: a #HeraldRecord
 * @version: a revision
 *
 * Sets #HeraldRecord:version.
 */
void
herald_record_set_version (HeraldRecord *self,
                           gint64        version)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (priv->version == version)
    return;

  priv->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * herald_record_get_sync_state:
 * @self: a #HeraldRecord
 *
 * Returns: the offline state of the record
 */
HeraldSyncState
herald_record_get_sync_state (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), HERALD_SYNC_STATE_SYNCED);

  return priv->sync_state;
}

/**
 * herald_record_set_sync_state:
 * @self: a #HeraldRecord
 * @sync_state: a state
 *
 * Sets #HeraldRecord:sync-state.
 */
void
herald_record_set_sync_state (HeraldRecord    *self,
                              HeraldSyncState  sync_state)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (priv->sync_state == sync_state)
    return;

  priv->sync_state = sync_state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_STATE]);
}

/**
 * herald_record_get_server_version:
 * @self: a #HeraldRecord
 *
 * Returns: (nullable): the server's version or ETag as last seen
 */
const char *
herald_record_get_server_version (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return priv->server_version;
}

/**
 * herald_record_set_server_version:
 * @self: a #HeraldRecord
 * @server_version: (nullable): a version or ETag
 *
 * Sets #HeraldRecord:server-version.
 */
void
herald_record_set_server_version (HeraldRecord *self,
                                  const char   *server_version)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (set_string (&priv->server_version, server_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_VERSION]);
}

/**
 * herald_record_get_base:
 * @self: a #HeraldRecord
 *
 * Returns: (nullable): the record as last seen on the server, as JSON
 */
const char *
herald_record_get_base (HeraldRecord *self)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return priv->base;
}

/**
 * herald_record_set_base:
 * @self: a #HeraldRecord
 * @base: (nullable): a JSON object
 *
 * Sets #HeraldRecord:base, the server copy three-way merges start from.
 */
void
herald_record_set_base (HeraldRecord *self,
                        const char   *base)
{
  HeraldRecordPrivate *priv = herald_record_get_instance_private (self);

  g_return_if_fail (HERALD_IS_RECORD (self));

  if (set_string (&priv->base, base))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE]);
}

/**
 * herald_record_get_table_name:
 * @self: a #HeraldRecord
 *
 * Returns: the SQLite table of the record's class
 */
const char *
herald_record_get_table_name (HeraldRecord *self)
{
  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return HERALD_RECORD_GET_CLASS (self)->table_name;
}

/**
 * herald_record_get_entity_name:
 * @self: a #HeraldRecord
 *
 * Returns: the entity name used in the outbox ("campaign", ...)
 */
const char *
herald_record_get_entity_name (HeraldRecord *self)
{
  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  return HERALD_RECORD_GET_CLASS (self)->entity_name;
}

/**
 * herald_record_copy:
 * @self: a #HeraldRecord
 *
 * Returns: (transfer full): a new record of the same type with every
 *   property equal to @self's
 */
HeraldRecord *
herald_record_copy (HeraldRecord *self)
{
  g_autofree GParamSpec **pspecs = NULL;
  HeraldRecord *copy;
  guint n_pspecs;

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), pspecs[i]->name, &value);
    }

  return copy;
}

/*
 * herald_record_value_equal:
 *
 * Compares two values of one property; g_param_values_cmp() would compare
 * boxed GDateTimes by address.
 */
gboolean
herald_record_value_equal (GParamSpec   *pspec,
                           const GValue *a,
                           const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_time_equal (da, db);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * herald_record_equal:
 * @a: a #HeraldRecord
 * @b: a #HeraldRecord
 *
 * Returns: whether @a and @b are of one type and every property is equal
 */
gboolean
herald_record_equal (HeraldRecord *a,
                     HeraldRecord *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (HERALD_IS_RECORD (a), FALSE);
  g_return_val_if_fail (HERALD_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      if (!herald_record_value_equal (pspecs[i], &va, &vb))
        return FALSE;
    }

  return TRUE;
}

/*
 * herald_record_is_bookkeeping:
 *
 * The properties that describe the sync state rather than the record; they
 * never go into a patch or onto the wire.
 */
gboolean
herald_record_is_bookkeeping (GParamSpec *pspec)
{
  return pspec->owner_type == HERALD_TYPE_RECORD
         && (g_str_equal (pspec->name, "sync-state")
             || g_str_equal (pspec->name, "server-version")
             || g_str_equal (pspec->name, "base"));
}

/*
 * herald_record_value_to_json:
 *
 * Adds one property to @builder in the wire form: enums as their nick,
 * times as ISO 8601 with Z.
 */
void
herald_record_value_to_json (JsonBuilder  *builder,
                             GParamSpec   *pspec,
                             const GValue *value)
{
  g_autofree char *member = g_strdelimit (g_strdup (pspec->name), "-", '_');

  json_builder_set_member_name (builder, member);
  if (G_TYPE_IS_ENUM (pspec->value_type))
    json_builder_add_string_value (builder,
                                   herald_enum_to_nick (pspec->value_type, g_value_get_enum (value)));
  else if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      g_autofree char *iso = herald_datetime_to_iso8601 (g_value_get_boxed (value));

      if (iso != NULL)
        json_builder_add_string_value (builder, iso);
      else
        json_builder_add_null_value (builder);
    }
  else if (pspec->value_type == G_TYPE_STRING)
    {
      if (g_value_get_string (value) != NULL)
        json_builder_add_string_value (builder, g_value_get_string (value));
      else
        json_builder_add_null_value (builder);
    }
  else if (pspec->value_type == G_TYPE_INT64)
    json_builder_add_int_value (builder, g_value_get_int64 (value));
  else if (pspec->value_type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (value));
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (pspec->value_type == G_TYPE_DOUBLE)
    {
      /* JSON has no infinity: a non-finite number is "no value" */
      if (isfinite (g_value_get_double (value)))
        json_builder_add_double_value (builder, g_value_get_double (value));
      else
        json_builder_add_null_value (builder);
    }
  else
    g_assert_not_reached ();
}

/**
 * herald_record_to_json:
 * @self: a #HeraldRecord
 *
 * Serialises every field of the record (not the sync bookkeeping) as a JSON
 * object with the seed's snake_case names.
 *
 * Returns: (transfer full): a JSON string
 */
char *
herald_record_to_json (HeraldRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_val_if_fail (HERALD_IS_RECORD (self), NULL);

  json_builder_begin_object (builder);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (herald_record_is_bookkeeping (pspecs[i]))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (self), pspecs[i]->name, &value);
      herald_record_value_to_json (builder, pspecs[i], &value);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
