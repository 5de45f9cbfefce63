/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-preferences-window.c: Preferences.
 *
 * The one place that uses AdwPreferencesWindow (AdwPreferencesDialog in
 * later libadwaita), so that a port stays local.  Every row is bound to
 * GSettings, which applies a change at once.
 */

#include "config.h"

#include <glib/gi18n.h>

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

static void
herald_preferences_window_dispose (GObject *object)
{
  HeraldPreferencesWindow *self = HERALD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

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
}

static void
herald_preferences_window_init (HeraldPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  g_settings_bind (settings, "default-currency", self->currency_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-sender-name", self->sender_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-sender-address", self->sender_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-reply-to", self->reply_to_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "list-density",
                                self->density_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                density_get_mapping, density_set_mapping,
                                NULL, NULL);

  return GTK_WINDOW (self);
}
