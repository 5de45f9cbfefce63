/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-test-gui.c: helpers for GUI tests: main-loop spinning and
 * rendering a widget to a PNG that a person can look at. */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "herald-application.h"
#include "herald-test-gui.h"

/**
 * herald_test_gui_init:
 *
 * g_test_init() plus what every GUI test needs: i18n from the build tree,
 * GTK and libadwaita, and warnings made fatal (G_DEBUG from meson).
 */
void
herald_test_gui_init (int    *argc,
                      char ***argv)
{
  /* WebKit and GApplication want a short program name. */
  g_set_prgname ("herald-test");
  herald_init_i18n ();
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  /* A blinking cursor fades in and out, redrawing the window many times a
   * second; screenshots and CPU use are steadier without it. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
}

static gboolean
timeout_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * herald_test_spin:
 * @ms: milliseconds
 *
 * Runs the default main context for @ms milliseconds.
 */
void
herald_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * herald_test_wait_until:
 * @predicate: checked after each main-loop iteration
 * @user_data: passed to @predicate
 * @timeout_ms: how long to wait at most
 *
 * Returns: whether @predicate became true before the timeout.
 */
gboolean
herald_test_wait_until (gboolean (*predicate) (gpointer user_data),
                        gpointer   user_data,
                        guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      herald_test_spin (10);
    }
  return TRUE;
}

static gboolean
widget_drawn (gpointer user_data)
{
  GtkWidget *widget = user_data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/**
 * herald_test_wait_for_mapped:
 * @widget: a widget in a presented window
 *
 * Waits until @widget is mapped and allocated, then a few frames more so
 * that transitions settle.
 */
void
herald_test_wait_for_mapped (GtkWidget *widget)
{
  g_assert_true (herald_test_wait_until (widget_drawn, widget, 10000));
  herald_test_spin (300);
}

static const char *
screenshot_language (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  if (lang == NULL || *lang == '\0')
    return "en";
  return lang;
}

/**
 * herald_test_screenshot:
 * @widget: a mapped widget
 * @name: a file-name stem such as `main-window`
 *
 * Renders @widget with its window's GSK renderer and saves it as
 * `<build>/screenshots/<name>-<language>.png`.
 *
 * Returns: (transfer full): the path written.
 */
char *
herald_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  const char *root;
  int width, height;
  char *path;

  g_assert_true (GTK_IS_WIDGET (widget));
  herald_test_wait_for_mapped (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  /* Between a queued redraw and the next frame a widget has no render node
   * and its paintable draws nothing: wait for a frame and try again. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      if (attempt > 0)
        herald_test_spin (20);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  root = g_getenv ("MESON_BUILD_ROOT");
  dir = g_build_filename (root != NULL ? root : ".", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strdup_printf ("%s-%s.png", name, screenshot_language ());
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return path;
}

/**
 * herald_test_make_store_path:
 *
 * Returns: (transfer full): a database path in a new temporary folder.
 */
char *
herald_test_make_store_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("herald-gui-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "herald.db", NULL);
}

/**
 * herald_test_app_new:
 * @demo: whether to fill the store with the sample data
 *
 * Makes a registered, non-unique HeraldApplication on a private store in
 * a temporary folder, so GUI tests never touch the user's data.
 *
 * Returns: (transfer full) (type HeraldApplication): the application.
 */
gpointer
herald_test_app_new (gboolean demo)
{
  HeraldApplication *app = herald_application_new ();
  g_autofree char *path = herald_test_make_store_path ();
  g_autoptr(GError) error = NULL;

  herald_application_set_store_path (app, path);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (herald_application_get_store (app));
  if (demo)
    g_action_group_activate_action (G_ACTION_GROUP (app), "load-demo", NULL);
  return app;
}

/**
 * herald_test_find_toplevel:
 * @type: a GtkWindow subtype
 *
 * Returns: (transfer none) (nullable): the first visible toplevel of @type.
 */
GtkWindow *
herald_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}
