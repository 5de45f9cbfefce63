/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-preferences-window.c: Preferences.
 *
 * The one place that uses AdwPreferencesWindow (AdwPreferencesDialog in
 * later libadwaita), so that a port stays local.  Every row is bound to
 * GSettings, which applies a change at once.  The default currency and
 * the sender's addresses are checked first: a valid value (or an empty
 * one) is saved as it is typed; an invalid one is not, and once the
 * person leaves the field or presses Enter a message under the rows says
 * what is wrong.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "herald.h"
#include "herald-preferences-window.h"

struct _HeraldPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *color_scheme_row;
  AdwEntryRow          *currency_row;
  AdwEntryRow          *sender_name_row;
  AdwEntryRow          *sender_address_row;
  AdwEntryRow          *reply_to_row;
  AdwComboRow          *density_row;
  GtkLabel             *currency_error;
  GtkLabel             *sender_address_error;
  GtkLabel             *reply_to_error;

  GStrv                 currencies;
  gboolean              syncing;
  guint                 apply_ids[3];   /* one per Field */
};

typedef enum {
  FIELD_CURRENCY,
  FIELD_SENDER_ADDRESS,
  FIELD_REPLY_TO,
  N_FIELDS
} Field;

static const char *field_keys[N_FIELDS] = {
  "default-currency", "default-sender-address", "default-reply-to",
};

G_DEFINE_FINAL_TYPE (HeraldPreferencesWindow, herald_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (nick, color_schemes[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
scheme_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[i]);
}

static const char *densities[] = { "comfortable", "compact" };

static gboolean
density_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (densities); i++)
    if (g_strcmp0 (nick, densities[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
density_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (densities))
    return NULL;
  return g_variant_new_string (densities[i]);
}

static AdwEntryRow *
field_row (HeraldPreferencesWindow *self,
           Field                    field)
{
  AdwEntryRow *rows[N_FIELDS] = { self->currency_row, self->sender_address_row, self->reply_to_row };

  return rows[field];
}

static GtkLabel *
field_error (HeraldPreferencesWindow *self,
             Field                    field)
{
  GtkLabel *labels[N_FIELDS] = { self->currency_error, self->sender_address_error, self->reply_to_error };

  return labels[field];
}

/* The value to store for @text (stripped; a currency in capitals), or
 * NULL with @message set when it is not valid.  Empty is valid: no
 * default. */
static char *
check_field (HeraldPreferencesWindow  *self,
             Field                     field,
             const char               *text,
             char                    **message)
{
  g_autofree char *value = g_strstrip (g_strdup (text));

  *message = NULL;
  if (*value == '\0')
    return g_steal_pointer (&value);
  switch (field)
    {
    case FIELD_CURRENCY:
      {
        g_autofree char *code = g_ascii_strup (value, -1);

        if (g_strv_contains ((const char * const *) self->currencies, code))
          return g_steal_pointer (&code);
        /* Translators: %s is what was typed */
        *message = g_strdup_printf (_("“%s” is not an ISO 4217 currency code. Enter three letters, such as EUR, CHF or USD."),
                                    value);
        return NULL;
      }
    case FIELD_SENDER_ADDRESS:
      if (herald_is_valid_email (value))
        return g_steal_pointer (&value);
      *message = g_strdup (_("Sender address: enter an e-mail address, such as news@example.com."));
      return NULL;
    case FIELD_REPLY_TO:
      if (herald_is_valid_email (value))
        return g_steal_pointer (&value);
      *message = g_strdup (_("Reply-to address: enter an e-mail address, such as service@example.com."));
      return NULL;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
show_field_error (HeraldPreferencesWindow *self,
                  Field                    field,
                  const char              *message)
{
  GtkWidget *row = GTK_WIDGET (field_row (self, field));
  GtkLabel *label = field_error (self, field);

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Saves the field when it is valid; @show puts the message up when not
 * (on leaving the field or Enter, not at every keystroke). */
static void
apply_field (HeraldPreferencesWindow *self,
             Field                    field,
             gboolean                 show)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field_row (self, field)));
  g_autofree char *message = NULL;
  g_autofree char *value = check_field (self, field, text, &message);

  if (value != NULL)
    {
      g_autofree char *stored = g_settings_get_string (self->settings, field_keys[field]);

      show_field_error (self, field, NULL);
      if (g_strcmp0 (stored, value) != 0)
        {
          self->syncing = TRUE;
          g_settings_set_string (self->settings, field_keys[field], value);
          self->syncing = FALSE;
        }
    }
  else if (show || gtk_widget_get_visible (GTK_WIDGET (field_error (self, field))))
    show_field_error (self, field, message);
}

static Field
row_field (HeraldPreferencesWindow *self,
           GtkWidget               *row)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (GTK_WIDGET (field_row (self, f)) == row)
      return f;
  g_assert_not_reached ();
}

typedef struct
{
  HeraldPreferencesWindow *self;
  Field                    field;
} PendingApply;

static gboolean
apply_idle_cb (gpointer user_data)
{
  PendingApply *pending = user_data;

  pending->self->apply_ids[pending->field] = 0;
  apply_field (pending->self, pending->field, FALSE);
  return G_SOURCE_REMOVE;
}

/* Replacing the text changes it twice (empty, then the new text): the
 * check waits for the main loop, so the empty moment is never saved. */
static void
row_changed_cb (GtkEditable             *row,
                HeraldPreferencesWindow *self)
{
  Field field = row_field (self, GTK_WIDGET (row));
  PendingApply *pending;

  if (self->syncing || self->settings == NULL || self->apply_ids[field] != 0)
    return;
  pending = g_new0 (PendingApply, 1);
  pending->self = self;
  pending->field = field;
  self->apply_ids[field] = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_idle_cb, pending, g_free);
}

static void
apply_now (HeraldPreferencesWindow *self,
           Field                    field)
{
  if (self->settings == NULL)
    return;
  g_clear_handle_id (&self->apply_ids[field], g_source_remove);
  apply_field (self, field, TRUE);
}

static void
row_activated_cb (AdwEntryRow             *row,
                  HeraldPreferencesWindow *self)
{
  apply_now (self, row_field (self, GTK_WIDGET (row)));
}

static void
row_focus_left_cb (GtkEventControllerFocus *controller,
                   HeraldPreferencesWindow *self)
{
  apply_now (self, row_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* A change from elsewhere (another window, gsettings) shows in the row. */
static void
settings_changed_cb (GSettings               *settings,
                     const char              *key,
                     HeraldPreferencesWindow *self)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (g_str_equal (key, field_keys[f]) && !self->syncing)
      {
        g_autofree char *value = g_settings_get_string (settings, key);
        g_autofree char *message = NULL;
        g_autofree char *shown = check_field (self, f, gtk_editable_get_text (GTK_EDITABLE (field_row (self, f))),
                                              &message);

        /* what the row shows already (perhaps in small letters) */
        if (g_strcmp0 (shown, value) == 0)
          continue;
        self->syncing = TRUE;
        gtk_editable_set_text (GTK_EDITABLE (field_row (self, f)), value);
        self->syncing = FALSE;
        show_field_error (self, f, NULL);
      }
}

static void
herald_preferences_window_dispose (GObject *object)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

  for (Field f = 0; f < N_FIELDS; f++)
    g_clear_handle_id (&self->apply_ids[f], g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->currencies, g_strfreev);

  G_OBJECT_CLASS (herald_preferences_window_parent_class)->dispose (object);
}

static void
herald_preferences_window_class_init (HeraldPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, sender_name_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, sender_address_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, reply_to_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, density_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, currency_error);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, sender_address_error);
  gtk_widget_class_bind_template_child (widget_class, HeraldPreferencesWindow, reply_to_error);
}

static void
herald_preferences_window_init (HeraldPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->currencies = herald_wizard_list_currencies ();

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row = GTK_WIDGET (field_row (self, f));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, 0);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (row_activated_cb), self, 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (row_focus_left_cb), self, 0);
      gtk_widget_add_controller (row, focus);
      /* the message is read with the field */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field_error (self, f), NULL,
                                      -1);
    }
}

/**
 * herald_preferences_window_new:
 * @parent: (nullable): the window to be transient for
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new Preferences window, owned by GTK.
 */
GtkWindow *
herald_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  HeraldPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HERALD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_get_mapping, scheme_set_mapping,
                                NULL, NULL);
  g_settings_bind (settings, "default-sender-name", self->sender_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* checked before they are saved (see the top of the file) */
  self->syncing = TRUE;
  for (Field f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *value = g_settings_get_string (settings, field_keys[f]);

      gtk_editable_set_text (GTK_EDITABLE (field_row (self, f)), value);
    }
  self->syncing = FALSE;
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, 0);
  g_settings_bind_with_mapping (settings, "list-density",
                                self->density_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                density_get_mapping, density_set_mapping,
                                NULL, NULL);

  return GTK_WINDOW (self);
}
