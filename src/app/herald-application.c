/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-application.c: the AdwApplication: app-wide actions and windows. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "herald-about.h"
#include "herald-dialogs.h"
#include "herald-application.h"
#include "herald-preferences-window.h"
#include "herald-window.h"

struct _HeraldApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  HeraldStore    *store;
  GError         *store_error;
  char           *store_path;
  gboolean        fill_demo;
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

static void
update_load_demo_enabled (HeraldApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "load-demo");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->store != NULL && herald_store_is_empty (self->store));
}

static gboolean
fill_demo (HeraldApplication *self,
           GError           **error)
{
  if (!herald_demo_fill (self->store, error))
    return FALSE;
  update_load_demo_enabled (self);
  return TRUE;
}

static void
load_demo_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  HeraldApplication *self = user_data;
  HeraldWindow *window = get_active_herald_window (self);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!fill_demo (self, &error))
    herald_dialogs_show_error (GTK_WINDOW (window), _("The sample data could not be loaded"),
                               error->message);
  else if (window != NULL)
    herald_window_add_toast (window, adw_toast_new (_("Sample data loaded")));
}

static const GActionEntry app_actions[] = {
  { "load-demo", load_demo_activated_cb },
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

  if (self->store_error != NULL)
    {
      g_autofree char *body =
        /* Translators: %s is the error message.  The file is never
         * recreated over the user's data. */
        g_strdup_printf (_("%s\n\nThe file was left as it is. Herald works without it until the problem is solved."),
                         self->store_error->message);

      herald_dialogs_show_error (window, _("Herald cannot open its campaign store"), body);
    }
}

static void
open_store (HeraldApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->store = herald_store_open (self->store_path, &error);
  if (self->store == NULL)
    {
      g_warning ("Cannot open the store: %s", error->message);
      self->store_error = g_steal_pointer (&error);
      return;
    }

  if (self->fill_demo)
    {
      if (!herald_store_is_empty (self->store))
        g_message ("The store already holds data; --demo adds nothing");
      else if (!fill_demo (self, &error))
        g_warning ("Cannot fill the sample data: %s", error->message);
    }
}

static int
herald_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  HeraldApplication *self = HERALD_APPLICATION (app);
  const char *store = NULL;

  if (g_variant_dict_lookup (options, "store", "^&ay", &store))
    herald_application_set_store_path (self, store);
  if (g_variant_dict_contains (options, "demo"))
    self->fill_demo = TRUE;

  return -1;
}

static void
herald_application_startup (GApplication *app)
{
  HeraldApplication *self = HERALD_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (herald_application_parent_class)->startup (app);

  /* GLib allows one call per process; tests start several applications. */
  if (g_strcmp0 (g_get_application_name (), _("Herald")) != 0)
    g_set_application_name (_("Herald"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new ("io.github.herald.Herald");
  g_signal_connect (self->settings, "changed::color-scheme",
                    G_CALLBACK (color_scheme_changed_cb), self);
  color_scheme_changed_cb (self->settings, "color-scheme", self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  open_store (self);
  update_load_demo_enabled (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
herald_application_dispose (GObject *object)
{
  HeraldApplication *self = HERALD_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (herald_application_parent_class)->dispose (object);
}

static void
herald_application_class_init (HeraldApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = herald_application_dispose;
  app_class->activate = herald_application_activate;
  app_class->handle_local_options = herald_application_handle_local_options;
  app_class->startup = herald_application_startup;
}

static void
herald_application_init (HeraldApplication *self)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill an empty store with sample campaigns, templates and results"), NULL },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use this SQLite file as the store"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
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
 * herald_application_set_store_path:
 * @self: the application
 * @path: (nullable): a database file, or %NULL for the default
 *
 * Chooses the store before the application starts up; tests use it for a
 * private file.
 */
void
herald_application_set_store_path (HeraldApplication *self,
                                   const char        *path)
{
  g_return_if_fail (HERALD_IS_APPLICATION (self));
  g_return_if_fail (self->store == NULL);

  g_free (self->store_path);
  self->store_path = g_strdup (path);
}

/**
 * herald_application_get_store:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the local store, or %NULL when it
 *   could not be opened (see herald_application_get_store_error()).
 */
HeraldStore *
herald_application_get_store (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * herald_application_get_store_error:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): why the store could not be opened.
 */
const GError *
herald_application_get_store_error (HeraldApplication *self)
{
  g_return_val_if_fail (HERALD_IS_APPLICATION (self), NULL);

  return self->store_error;
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
