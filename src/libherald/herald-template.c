/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-template.c: a message template (the seed's CampaignTemplate). */

#include "config.h"

#include "herald-template.h"
#include "herald-enum-types.h"

struct _HeraldTemplate
{
  HeraldRecord parent_instance;

  char *name;
  char *description;
  HeraldTemplateType type;
  char *locale;
  char *subject;
  char *preheader;
  char *body_html;
  char *body_text;
  char *variables;
  gboolean is_active;
};

G_DEFINE_FINAL_TYPE (HeraldTemplate, herald_template, HERALD_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TYPE,
  PROP_LOCALE,
  PROP_SUBJECT,
  PROP_PREHEADER,
  PROP_BODY_HTML,
  PROP_BODY_TEXT,
  PROP_VARIABLES,
  PROP_IS_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_template_finalize (GObject *object)
{
  HeraldTemplate *self = HERALD_TEMPLATE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->preheader, g_free);
  g_clear_pointer (&self->body_html, g_free);
  g_clear_pointer (&self->body_text, g_free);
  g_clear_pointer (&self->variables, g_free);

  G_OBJECT_CLASS (herald_template_parent_class)->finalize (object);
}

static void
herald_template_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HeraldTemplate *self = HERALD_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TYPE:
      g_value_set_enum (value, self->type);
      break;

    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_PREHEADER:
      g_value_set_string (value, self->preheader);
      break;

    case PROP_BODY_HTML:
      g_value_set_string (value, self->body_html);
      break;

    case PROP_BODY_TEXT:
      g_value_set_string (value, self->body_text);
      break;

    case PROP_VARIABLES:
      g_value_set_string (value, self->variables);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_template_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HeraldTemplate *self = HERALD_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      herald_template_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      herald_template_set_description (self, g_value_get_string (value));
      break;

    case PROP_TYPE:
      herald_template_set_template_type (self, g_value_get_enum (value));
      break;

    case PROP_LOCALE:
      herald_template_set_locale (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      herald_template_set_subject (self, g_value_get_string (value));
      break;
    case PROP_PREHEADER:
      herald_template_set_preheader (self, g_value_get_string (value));
      break;

    case PROP_BODY_HTML:
      herald_template_set_body_html (self, g_value_get_string (value));
      break;

    case PROP_BODY_TEXT:
      herald_template_set_body_text (self, g_value_get_string (value));
      break;

    case PROP_VARIABLES:
      herald_template_set_variables (self, g_value_get_string (value));
      break;

    case PROP_IS_ACTIVE:
      herald_template_set_is_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_template_class_init (HeraldTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldRecordClass *record_class = HERALD_RECORD_CLASS (klass);

  object_class->finalize = herald_template_finalize;
  object_class->get_property = herald_template_get_property;
  object_class->set_property = herald_template_set_property;

  record_class->table_name = "templates";
  record_class->entity_name = "template";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL,
                       HERALD_TYPE_TEMPLATE_TYPE, HERALD_TEMPLATE_TYPE_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREHEADER] =
    g_param_spec_string ("preheader", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY_HTML] =
    g_param_spec_string ("body-html", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY_TEXT] =
    g_param_spec_string ("body-text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIABLES] =
    g_param_spec_string ("variables", NULL, NULL,
                         "{}",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_ACTIVE] =
    g_param_spec_boolean ("is-active", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_template_init (HeraldTemplate *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->type = HERALD_TEMPLATE_TYPE_EMAIL;
  self->locale = g_strdup ("");
  self->subject = g_strdup ("");
  self->preheader = g_strdup ("");
  self->body_html = g_strdup ("");
  self->body_text = g_strdup ("");
  self->variables = g_strdup ("{}");
  self->is_active = TRUE;
}

/**
 * herald_template_new:
 *
 * Creates an empty record with a fresh UUID and the defaults of every
 * property.
 *
 * Returns: (transfer full): a new #HeraldTemplate
 */
HeraldTemplate *
herald_template_new (void)
{
  g_autofree char *id = g_uuid_string_random ();

  return g_object_new (HERALD_TYPE_TEMPLATE, "id", id, NULL);
}

/**
 * herald_template_get_name:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:name
 */
const char *
herald_template_get_name (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->name;
}

/**
 * herald_template_set_name:
 * @self: a #HeraldTemplate
 * @name: the new value
 *
 * Sets #HeraldTemplate:name, notifying only when it changes.
 */
void
herald_template_set_name (HeraldTemplate *self,
                          const char *name)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * herald_template_get_description:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:description
 */
const char *
herald_template_get_description (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->description;
}

/**
 * herald_template_set_description:
 * @self: a #HeraldTemplate
 * @description: the new value
 *
 * Sets #HeraldTemplate:description, notifying only when it changes.
 */
void
herald_template_set_description (HeraldTemplate *self,
                                 const char *description)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * herald_template_get_template_type:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:type
 */
HeraldTemplateType
herald_template_get_template_type (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), 0);

  return self->type;
}

/**
 * herald_template_set_template_type:
 * @self: a #HeraldTemplate
 * @type: the new value
 *
 * Sets #HeraldTemplate:type, notifying only when it changes.
 */
void
herald_template_set_template_type (HeraldTemplate *self,
                                   HeraldTemplateType type)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (self->type == type)
    return;

  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

/**
 * herald_template_get_locale:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:locale
 */
const char *
herald_template_get_locale (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->locale;
}

/**
 * herald_template_set_locale:
 * @self: a #HeraldTemplate
 * @locale: the new value
 *
 * Sets #HeraldTemplate:locale, notifying only when it changes.
 */
void
herald_template_set_locale (HeraldTemplate *self,
                            const char *locale)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->locale, locale) == 0)
    return;

  g_free (self->locale);
  self->locale = g_strdup (locale);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALE]);
}

/**
 * herald_template_get_subject:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:subject
 */
const char *
herald_template_get_subject (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->subject;
}

/**
 * herald_template_set_subject:
 * @self: a #HeraldTemplate
 * @subject: the new value
 *
 * Sets #HeraldTemplate:subject, notifying only when it changes.
 */
void
herald_template_set_subject (HeraldTemplate *self,
                             const char *subject)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->subject, subject) == 0)
    return;

  g_free (self->subject);
  self->subject = g_strdup (subject);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

/**
 * herald_template_get_body_html:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:body-html
 */
const char *
herald_template_get_body_html (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->body_html;
}

/**
 * herald_template_set_body_html:
 * @self: a #HeraldTemplate
 * @body_html: the new value
 *
 * Sets #HeraldTemplate:body-html, notifying only when it changes.
 */
void
herald_template_set_body_html (HeraldTemplate *self,
                               const char *body_html)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->body_html, body_html) == 0)
    return;

  g_free (self->body_html);
  self->body_html = g_strdup (body_html);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_HTML]);
}

/**
 * herald_template_get_body_text:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:body-text
 */
const char *
herald_template_get_body_text (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->body_text;
}

/**
 * herald_template_set_body_text:
 * @self: a #HeraldTemplate
 * @body_text: the new value
 *
 * Sets #HeraldTemplate:body-text, notifying only when it changes.
 */
void
herald_template_set_body_text (HeraldTemplate *self,
                               const char *body_text)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->body_text, body_text) == 0)
    return;

  g_free (self->body_text);
  self->body_text = g_strdup (body_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_TEXT]);
}

/**
 * herald_template_get_variables:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:variables
 */
const char *
herald_template_get_variables (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->variables;
}

/**
 * herald_template_set_variables:
 * @self: a #HeraldTemplate
 * @variables: the new value
 *
 * Sets #HeraldTemplate:variables, notifying only when it changes.
 */
void
herald_template_set_variables (HeraldTemplate *self,
                               const char *variables)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (g_strcmp0 (self->variables, variables) == 0)
    return;

  g_free (self->variables);
  self->variables = g_strdup (variables);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIABLES]);
}

/**
 * herald_template_get_is_active:
 * @self: a #HeraldTemplate
 *
 * Returns: the value of #HeraldTemplate:is-active
 */
gboolean
herald_template_get_is_active (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), FALSE);

  return self->is_active;
}

/**
 * herald_template_set_is_active:
 * @self: a #HeraldTemplate
 * @is_active: the new value
 *
 * Sets #HeraldTemplate:is-active, notifying only when it changes.
 */
void
herald_template_set_is_active (HeraldTemplate *self,
                               gboolean is_active)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (self->is_active == !!is_active)
    return;

  self->is_active = !!is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ACTIVE]);
}

/**
 * herald_template_get_preheader:
 * @self: a template
 *
 * Returns: the line e-mail clients show after the subject
 */
const char *
herald_template_get_preheader (HeraldTemplate *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE (self), NULL);

  return self->preheader;
}

/**
 * herald_template_set_preheader:
 * @self: a template
 * @preheader: the new value
 *
 * Sets #HeraldTemplate:preheader, notifying only when it changes.
 */
void
herald_template_set_preheader (HeraldTemplate *self,
                               const char     *preheader)
{
  g_return_if_fail (HERALD_IS_TEMPLATE (self));

  if (preheader == NULL)
    preheader = "";
  if (g_strcmp0 (self->preheader, preheader) == 0)
    return;
  g_free (self->preheader);
  self->preheader = g_strdup (preheader);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREHEADER]);
}
