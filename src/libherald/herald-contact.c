/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-contact.c: a person campaigns reach. */

#include "config.h"

#include "herald-contact.h"
#include "herald-enum-types.h"

struct _HeraldContact
{
  HeraldRecord parent_instance;

  char *name;
  char *email;
  char *phone;
  char *locale;
  char *time_zone;
  char *attributes;
  gboolean unsubscribed;
  gboolean consent;
};

G_DEFINE_FINAL_TYPE (HeraldContact, herald_contact, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_LOCALE,
  PROP_TIME_ZONE,
  PROP_ATTRIBUTES,
  PROP_UNSUBSCRIBED,
  PROP_CONSENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_contact_finalize (GObject *object)
{
  HeraldContact *self = HERALD_CONTACT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->attributes, g_free);

  G_OBJECT_CLASS (herald_contact_parent_class)->finalize (object);
}

static void
herald_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldContact *self = HERALD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_ATTRIBUTES:
      g_value_set_string (value, self->attributes);
      break;

    case PROP_UNSUBSCRIBED:
      g_value_set_boolean (value, self->unsubscribed);
      break;

    case PROP_CONSENT:
      g_value_set_boolean (value, self->consent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldContact *self = HERALD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      herald_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      herald_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      herald_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_LOCALE:
      herald_contact_set_locale (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      herald_contact_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_ATTRIBUTES:
      herald_contact_set_attributes (self, g_value_get_string (value));
      break;

    case PROP_UNSUBSCRIBED:
      herald_contact_set_unsubscribed (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT:
      herald_contact_set_consent (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_class_init (HeraldContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_contact_finalize;
  object_class->get_property = herald_contact_get_property;
  object_class->set_property = herald_contact_set_property;

  record_class->table_name = "contacts";
  record_class->entity_name = "contact";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTRIBUTES] =
    g_param_spec_string ("attributes", NULL, NULL,
                         "{}",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSUBSCRIBED] =
    g_param_spec_boolean ("unsubscribed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSENT] =
    g_param_spec_boolean ("consent", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_contact_init (HeraldContact *self)
{
  self->name = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->locale = g_strdup ("");
  self->time_zone = g_strdup ("");
  self->attributes = g_strdup ("{}");
}

/**
 * herald_contact_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldContact
 */
HeraldContact *
herald_contact_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_CONTACT, "id", id, NULL);
}

/**
 * herald_contact_get_name:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:name
 */
const char *
herald_contact_get_name (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->name;
}

/**
 * herald_contact_set_name:
 * @self: a #HeraldContact
 * @name: the new value
 *
 * Sets #HeraldContact:name, notifying only when it changes.
 */
void
herald_contact_set_name (HeraldContact *self,
                         const char *name)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * herald_contact_get_email:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:email
 */
const char *
herald_contact_get_email (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->email;
}

/**
 * herald_contact_set_email:
 * @self: a #HeraldContact
 * @email: the new value
 *
 * Sets #HeraldContact:email, notifying only when it changes.
 */
void
herald_contact_set_email (HeraldContact *self,
                          const char *email)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/**
 * herald_contact_get_phone:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:phone
 */
const char *
herald_contact_get_phone (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->phone;
}

/**
 * herald_contact_set_phone:
 * @self: a #HeraldContact
 * @phone: the new value
 *
 * Sets #HeraldContact:phone, notifying only when it changes.
 */
void
herald_contact_set_phone (HeraldContact *self,
                          const char *phone)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * herald_contact_get_locale:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:locale
 */
const char *
herald_contact_get_locale (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->locale;
}

/**
 * herald_contact_set_locale:
 * @self: a #HeraldContact
 * @locale: the new value
 *
 * Sets #HeraldContact:locale, notifying only when it changes.
 */
void
herald_contact_set_locale (HeraldContact *self,
                           const char *locale)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->locale, locale) == 0)
    return;

  g_free (self->locale);
  self->locale = g_strdup (locale);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALE]);
}

/**
 * herald_contact_get_time_zone:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:time-zone
 */
const char *
herald_contact_get_time_zone (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->time_zone;
}

/**
 * herald_contact_set_time_zone:
 * @self: a #HeraldContact
 * @time_zone: the new value
 *
 * Sets #HeraldContact:time-zone, notifying only when it changes.
 */
void
herald_contact_set_time_zone (HeraldContact *self,
                              const char *time_zone)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

/**
 * herald_contact_get_attributes:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:attributes
 */
const char *
herald_contact_get_attributes (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->attributes;
}

/**
 * herald_contact_set_attributes:
 * @self: a #HeraldContact
 * @attributes: the new value
 *
 * Sets #HeraldContact:attributes, notifying only when it changes.
 */
void
herald_contact_set_attributes (HeraldContact *self,
                               const char *attributes)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (g_strcmp0 (self->attributes, attributes) == 0)
    return;

  g_free (self->attributes);
  self->attributes = g_strdup (attributes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTRIBUTES]);
}

/**
 * herald_contact_get_unsubscribed:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:unsubscribed
 */
gboolean
herald_contact_get_unsubscribed (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), FALSE);

  return self->unsubscribed;
}

/**
 * herald_contact_set_unsubscribed:
 * @self: a #HeraldContact
 * @unsubscribed: the new value
 *
 * Sets #HeraldContact:unsubscribed, notifying only when it changes.
 */
void
herald_contact_set_unsubscribed (HeraldContact *self,
                                 gboolean unsubscribed)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (self->unsubscribed == !!unsubscribed)
    return;

  self->unsubscribed = !!unsubscribed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSUBSCRIBED]);
}

/**
 * herald_contact_get_consent:
 * @self: a #HeraldContact
 *
 * Returns: the value of #HeraldContact:consent
 */
gboolean
herald_contact_get_consent (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), FALSE);

  return self->consent;
}

/**
 * herald_contact_set_consent:
 * @self: a #HeraldContact
 * @consent: the new value
 *
 * Sets #HeraldContact:consent, notifying only when it changes.
 */
void
herald_contact_set_consent (HeraldContact *self,
                            gboolean consent)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  if (self->consent == !!consent)
    return;

  self->consent = !!consent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT]);
}
