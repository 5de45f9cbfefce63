/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-application.c: the AdwApplication: app-wide actions and windows. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "herald-about.h"
#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-window.h"

struct _HeraldApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (HeraldApplication, herald_application, ADW_TYPE_APPLICATION)

/* Running from the build tree, the freshly built catalogue is preferred so
 * that a developer sees translations without installing. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/");
}

/**
 * herald_init_i18n:
 *
 * Sets the locale from the environment and binds the `herald` gettext
 * domain, to the build tree's catalogue when running uninstalled.
 */
void
herald_init_i18n (void)
{
  const char *dir = LOCALEDIR;

  setlocale (LC_ALL, "");
  if (running_uninstalled () && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    dir = BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static HeraldWindow *
get_active_herald_window (HeraldApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return HERALD_IS_WINDOW (window) ? HERALD_WINDOW (window) : NULL;
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  HeraldApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows first lets each save its state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  HeraldApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_active_herald_window (self));
  GtkWindow *prefs = herald_preferences_window_new (parent, self->settings);

  gtk_window_present (prefs);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HeraldApplication *self = user_data;

  herald_about_show (GTK_WINDOW (get_active_herald_window (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
};

static void
color_scheme_changed_cb (GSettings         *settings,
                         const char        *key,
                         HeraldApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* "default" follows the system's dark-style preference. */
  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
herald_application_activate (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (herald_window_new (self));

  gtk_window_present (window);
}

static void
herald_application_startup (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (herald_application_parent_class)->startup (app);

  g_set_application_name (_("Herald"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new ("io.github.herald.Herald");
  g_signal_connect (self->settings, "changed::color-scheme",
                    G_CALLBACK (color_scheme_changed_cb), self);
  color_scheme_changed_cb (self->settings, "color-scheme", self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
herald_application_dispose (GObject *object)
{
  HeraldApplication *self = HERALD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (herald_application_parent_class)->dispose (object);
}

static void
herald_application_class_init (HeraldApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = herald_application_dispose;
  app_class->activate = herald_application_activate;
  app_class->startup = herald_application_startup;
}

static void
herald_application_init (HeraldApplication *self)
{
}

/**
 * herald_application_new:
 *
 * Returns: (transfer full): the application, with its id and resources.
 */
HeraldApplication *
herald_application_new (void)
{
  return g_object_new (HERALD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/herald/Herald",
                       NULL);
}

/**
 * herald_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the app's settings; valid after startup.
 */
GSettings *
herald_application_get_settings (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->settings;
}
