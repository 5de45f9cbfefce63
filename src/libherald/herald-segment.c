/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-segment.c: a named group of contacts that campaigns target. */

#include "config.h"

#include "herald-segment.h"
#include "herald-enum-types.h"

struct _HeraldSegment
{
  HeraldRecord parent_instance;

  char *name;
  char *description;
  gint64 contact_count;
};

G_DEFINE_FINAL_TYPE (HeraldSegment, herald_segment, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_CONTACT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_segment_finalize (GObject *object)
{
  HeraldSegment *self = HERALD_SEGMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (herald_segment_parent_class)->finalize (object);
}

static void
herald_segment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldSegment *self = HERALD_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CONTACT_COUNT:
      g_value_set_int64 (value, self->contact_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_segment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldSegment *self = HERALD_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      herald_segment_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      herald_segment_set_description (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_COUNT:
      herald_segment_set_contact_count (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_segment_class_init (HeraldSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_segment_finalize;
  object_class->get_property = herald_segment_get_property;
  object_class->set_property = herald_segment_set_property;

  record_class->table_name = "segments";
  record_class->entity_name = "segment";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_COUNT] =
    g_param_spec_int64 ("contact-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_segment_init (HeraldSegment *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
}

/**
 * herald_segment_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldSegment
 */
HeraldSegment *
herald_segment_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_SEGMENT, "id", id, NULL);
}

/**
 * herald_segment_get_name:
 * @self: a #HeraldSegment
 *
 * Returns: the value of #HeraldSegment:name
 */
const char *
herald_segment_get_name (HeraldSegment *self)
{
  g_return_val_if_fail (HERALD_IS_SEGMENT (self), NULL);

  return self->name;
}

/**
 * herald_segment_set_name:
 * @self: a #HeraldSegment
 * @name: the new value
 *
 * Sets #HeraldSegment:name, notifying only when it changes.
 */
void
herald_segment_set_name (HeraldSegment *self,
                         const char *name)
{
  g_return_if_fail (HERALD_IS_SEGMENT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * herald_segment_get_description:
 * @self: a #HeraldSegment
 *
 * Returns: the value of #HeraldSegment:description
 */
const char *
herald_segment_get_description (HeraldSegment *self)
{
  g_return_val_if_fail (HERALD_IS_SEGMENT (self), NULL);

  return self->description;
}

/**
 * herald_segment_set_description:
 * @self: a #HeraldSegment
 * @description: the new value
 *
 * Sets #HeraldSegment:description, notifying only when it changes.
 */
void
herald_segment_set_description (HeraldSegment *self,
                                const char *description)
{
  g_return_if_fail (HERALD_IS_SEGMENT (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * herald_segment_get_contact_count:
 * @self: a #HeraldSegment
 *
 * Returns: the value of #HeraldSegment:contact-count
 */
gint64
herald_segment_get_contact_count (HeraldSegment *self)
{
  g_return_val_if_fail (HERALD_IS_SEGMENT (self), 0);

  return self->contact_count;
}

/**
 * herald_segment_set_contact_count:
 * @self: a #HeraldSegment
 * @contact_count: the new value
 *
 * Sets #HeraldSegment:contact-count, notifying only when it changes.
 */
void
herald_segment_set_contact_count (HeraldSegment *self,
                                  gint64 contact_count)
{
  g_return_if_fail (HERALD_IS_SEGMENT (self));

  if (self->contact_count == contact_count)
    return;

  self->contact_count = contact_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_COUNT]);
}
