/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-templates-view.c: the template manager: list, filters, empty and
 * no-results states, duplicate, activate, delete (refused while unfinished
 * campaigns use the template), import, and win.edit-template. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "herald-application.h"
#include "herald-dialogs.h"
#include "herald-templates-view.h"
#include "herald-test-gui.h"
#include "herald-window.h"

static HeraldApplication *app;

typedef struct
{
  GtkWindow           *window;
  HeraldTemplatesView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->view = g_object_new (HERALD_TYPE_TEMPLATES_VIEW, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  herald_templates_view_set_store (fixture->view, herald_application_get_store (app));
  gtk_window_present (fixture->window);
  herald_test_wait_for_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  herald_test_spin (20);
}

static GtkWidget *
child (HeraldTemplatesView *view,
       const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), HERALD_TYPE_TEMPLATES_VIEW, name));
}

static guint
count_templates (int type)
{
  g_autoptr(GPtrArray) templates = herald_store_list_templates (herald_application_get_store (app), type, NULL, NULL);

  return templates->len;
}

static HeraldTemplate *
template_by_name (const char *name)
{
  g_autoptr(GPtrArray) templates = herald_store_list_templates (herald_application_get_store (app), -1, NULL, NULL);

  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (herald_template_get_name (g_ptr_array_index (templates, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (templates, i));
  return NULL;
}

static void
test_view_list_and_filters (Fixture       *fixture,
                            gconstpointer  data)
{
  HeraldTemplatesView *view = fixture->view;
  GtkStack *content = GTK_STACK (child (view, "content_stack"));
  GtkStack *list_stack = GTK_STACK (child (view, "list_stack"));
  g_autofree char *shot = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, count_templates (-1));
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), >, 0);
  herald_test_spin (100);
  shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "templates-list");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  /* The editor (and its WebKit view) is built when a template is first
   * opened, not with the view; then it stays for the next one. */
  g_assert_null (gtk_stack_get_child_by_name (content, "editor"));
  herald_templates_view_edit_template (view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "editor");
  {
    GtkWidget *editor = gtk_stack_get_child_by_name (content, "editor");

    g_assert_true (HERALD_IS_TEMPLATE_EDITOR (editor));
    g_assert_true (editor == GTK_WIDGET (herald_templates_view_get_editor (view)));
    g_assert_null (herald_template_editor_request_close (HERALD_TEMPLATE_EDITOR (editor)));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");
    herald_templates_view_edit_template (view, NULL);
    g_assert_true (gtk_stack_get_child_by_name (content, "editor") == editor);
    g_assert_null (herald_template_editor_request_close (HERALD_TEMPLATE_EDITOR (editor)));
  }

  /* Type filter: item n + 1 is HeraldTemplateType n. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (view, "type_filter")), 1 + HERALD_TEMPLATE_TYPE_SMS);
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, count_templates (HERALD_TEMPLATE_TYPE_SMS));
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), <, count_templates (-1));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (view, "type_filter")), 0);

  /* Search, then a search without results. */
  gtk_editable_set_text (GTK_EDITABLE (child (view, "search_entry")), "Newsletter");
  herald_test_spin (400);
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), >=, 1);
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), <, count_templates (-1));
  gtk_editable_set_text (GTK_EDITABLE (child (view, "search_entry")), "zzzqqq");
  herald_test_spin (400);
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  /* A search without results is not the empty store. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");
  gtk_editable_set_text (GTK_EDITABLE (child (view, "search_entry")), "");
  herald_test_spin (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
}

static void
test_view_duplicate_and_activate (Fixture       *fixture,
                                  gconstpointer  data)
{
  HeraldTemplatesView *view = fixture->view;
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(GPtrArray) templates = herald_store_list_templates (store, -1, NULL, NULL);
  HeraldTemplate *original = g_ptr_array_index (templates, 0);
  const char *id = herald_record_get_id (HERALD_RECORD (original));
  g_autofree char *copy_name = g_strdup_printf (_("%s (Copy)"), herald_template_get_name (original));
  g_autoptr(HeraldTemplate) copy = NULL;
  g_autoptr(HeraldTemplate) toggled = NULL;
  guint before = herald_templates_view_get_n_shown (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "templates.duplicate", "s", id));
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, before + 1);
  copy = template_by_name (copy_name);
  g_assert_nonnull (copy);
  g_assert_cmpstr (herald_template_get_body_html (copy), ==, herald_template_get_body_html (original));
  g_assert_cmpstr (herald_template_get_variables (copy), ==, herald_template_get_variables (original));
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (copy)), !=, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "templates.toggle-active", "s",
                                             herald_record_get_id (HERALD_RECORD (copy))));
  toggled = herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (copy)), NULL);
  g_assert_cmpint (herald_template_get_is_active (toggled), !=, herald_template_get_is_active (copy));
}

static void
test_view_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  HeraldTemplatesView *view = fixture->view;
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(GPtrArray) campaigns = herald_store_list_campaigns (store, NULL, NULL, 1000, NULL);
  g_autoptr(HeraldTemplate) used = NULL;
  g_autoptr(HeraldTemplate) unused = herald_template_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  for (guint i = 0; i < campaigns->len && used == NULL; i++)
    {
      HeraldCampaign *campaign = g_ptr_array_index (campaigns, i);
      const char *template_id = herald_campaign_get_template_id (campaign);

      if (!herald_campaign_status_is_final (herald_campaign_get_status (campaign))
          && template_id != NULL && *template_id != '\0')
        used = herald_store_get_template (store, template_id, NULL);
    }
  g_assert_nonnull (used);

  /* Refused, with the reason, and nothing deleted. */
  dialog = herald_templates_view_delete_template (view, used);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                  adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            herald_template_get_name (used)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  gtk_window_destroy (dialog);
  g_assert_nonnull (herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (used)), NULL));

  /* An unused template is deleted after the question. */
  herald_template_set_name (unused, "Unused");
  g_assert_true (herald_store_save (store, HERALD_RECORD (unused), &error));
  herald_templates_view_reload (view);
  dialog = herald_templates_view_delete_template (view, unused);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "confirm"));
  herald_dialogs_respond (dialog, TRUE);
  herald_test_spin (20);
  g_assert_null (herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (unused)), NULL));
}

static void
test_view_import (Fixture       *fixture,
                  gconstpointer  data)
{
  HeraldTemplatesView *view = fixture->view;
  g_autofree char *dir = g_dir_make_tmp ("herald-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sommer Sale.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) imported = NULL;
  HeraldTemplateEditor *editor = herald_templates_view_get_editor (view);
  GtkStack *content = GTK_STACK (child (view, "content_stack"));

  g_assert_true (g_file_set_contents (path, "<h1>Sommer</h1><p><a href=\"https://example.com/s\">Jetzt kaufen</a></p>", -1, NULL));
  g_assert_true (herald_templates_view_import_file (view, file, &error));
  g_assert_no_error (error);
  imported = template_by_name ("Sommer Sale");
  g_assert_nonnull (imported);
  g_assert_cmpint (herald_template_get_template_type (imported), ==, HERALD_TEMPLATE_TYPE_EMAIL);
  g_assert_nonnull (strstr (herald_template_get_body_text (imported), "https://example.com/s"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "editor");
  g_assert_cmpstr (herald_template_get_name (herald_template_editor_get_template (editor)), ==, "Sommer Sale");

  /* Back to the list: nothing unsaved, so no question. */
  g_assert_null (herald_template_editor_request_close (editor));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");

  /* Export writes both parts back out. */
  {
    g_autofree char *out = g_build_filename (dir, "export.html", NULL);
    g_autofree char *out_text = g_build_filename (dir, "export.txt", NULL);
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autofree char *html = NULL;
    g_autofree char *text = NULL;

    g_assert_true (herald_templates_view_export_file (imported, out_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (out, &html, NULL, NULL));
    g_assert_true (g_file_get_contents (out_text, &text, NULL, NULL));
    g_assert_cmpstr (html, ==, herald_template_get_body_html (imported));
    g_assert_cmpstr (text, ==, herald_template_get_body_text (imported));
    g_unlink (out);
    g_unlink (out_text);
  }

  /* Not UTF-8: refused. */
  g_assert_true (g_file_set_contents (path, "\xff\xfe<p>x</p>", -1, NULL));
  g_assert_false (herald_templates_view_import_file (view, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_unlink (path);
  g_rmdir (dir);
}

/* The row of the template called @name, found among the list's widgets. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *name)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (widget), "name");

  if (GTK_IS_LABEL (label) && g_object_get_data (G_OBJECT (widget), "details") != NULL
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *row = find_row (c, name);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static const char *
row_label (GtkWidget  *row,
           const char *part)
{
  return gtk_label_get_label (GTK_LABEL (g_object_get_data (G_OBJECT (row), part)));
}

static char *
expected_details (HeraldTemplate *template,
                  gint64          used)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = herald_format_relative (herald_record_get_updated_at (HERALD_RECORD (template)), now);
  g_autofree char *count = herald_format_count (used);
  g_autofree char *changed = g_strdup_printf (_("Changed %s"), when);
  g_autofree char *used_text = g_strdup_printf (ngettext ("Used by %s campaign", "Used by %s campaigns", (gulong) used),
                                                count);

  return g_strdup_printf ("%s\n%s", changed, used_text);
}

/* Each row says when the template changed and how many campaigns use it. */
static void
test_view_row_texts (Fixture       *fixture,
                     gconstpointer  data)
{
  HeraldTemplatesView *view = fixture->view;
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(GPtrArray) campaigns = herald_store_list_campaigns (store, NULL, NULL, 100000, NULL);
  g_autoptr(GPtrArray) templates = herald_store_list_templates (store, -1, NULL, NULL);
  g_autoptr(HeraldTemplate) fresh = herald_template_new ();
  g_autoptr(HeraldTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  HeraldTemplate *most_used = NULL;
  gint64 most = 0;
  g_autofree char *expected = NULL;
  GtkWidget *row;

  /* The template most campaigns use, counted here from the campaigns. */
  for (guint i = 0; i < templates->len; i++)
    {
      HeraldTemplate *template = g_ptr_array_index (templates, i);
      gint64 n = 0;

      for (guint j = 0; j < campaigns->len; j++)
        if (g_strcmp0 (herald_campaign_get_template_id (g_ptr_array_index (campaigns, j)),
                       herald_record_get_id (HERALD_RECORD (template))) == 0)
          n++;
      if (n > most)
        {
          most = n;
          most_used = template;
        }
    }
  g_assert_nonnull (most_used);
  g_assert_cmpint (most, >, 1);

  gtk_editable_set_text (GTK_EDITABLE (child (view, "search_entry")), "");
  herald_templates_view_reload (view);
  herald_test_spin (100);
  row = find_row (GTK_WIDGET (view), herald_template_get_name (most_used));
  g_assert_nonnull (row);
  expected = expected_details (most_used, most);
  g_test_message ("%s: %s", herald_template_get_name (most_used), row_label (row, "details"));
  g_assert_cmpstr (row_label (row, "details"), ==, expected);
  g_assert_nonnull (strstr (row_label (row, "subtitle"),
                            herald_template_type_get_display_name (herald_template_get_template_type (most_used))));

  /* A template saved just now, used by no campaign. */
  herald_template_set_name (fresh, "Aaa Fresh");
  herald_template_set_subject (fresh, "Frisch");
  g_assert_true (herald_store_save (store, HERALD_RECORD (fresh), &error));
  g_assert_no_error (error);
  stored = herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (fresh)), &error);
  g_assert_no_error (error);
  herald_templates_view_reload (view);
  herald_test_spin (100);
  row = find_row (GTK_WIDGET (view), "Aaa Fresh");
  g_assert_nonnull (row);
  g_clear_pointer (&expected, g_free);
  expected = expected_details (stored, 0);
  g_test_message ("Aaa Fresh: %s", row_label (row, "details"));
  g_assert_cmpstr (row_label (row, "details"), ==, expected);
  g_assert_nonnull (strstr (row_label (row, "subtitle"), "Frisch"));
  g_assert_cmpstr (row_label (row, "status"), ==, herald_template_get_is_active (stored) ? _("Active") : _("Inactive"));

  herald_store_delete (store, HERALD_RECORD (stored), NULL);

  /* One the server changed three days ago. */
  {
    g_autoptr(HeraldTemplate) old = herald_template_new ();
    g_autoptr(HeraldTemplate) old_stored = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) then = g_date_time_add_days (now, -3);
    g_autofree char *when = herald_format_relative (then, now);

    herald_template_set_name (old, "Aab Old");
    herald_record_set_updated_at (HERALD_RECORD (old), then);
    g_assert_true (herald_store_save_full (store, HERALD_RECORD (old), HERALD_STORE_ORIGIN_REMOTE, &error));
    g_assert_no_error (error);
    old_stored = herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (old)), &error);
    herald_templates_view_reload (view);
    herald_test_spin (100);
    row = find_row (GTK_WIDGET (view), "Aab Old");
    g_assert_nonnull (row);
    g_clear_pointer (&expected, g_free);
    expected = expected_details (old_stored, 0);
    g_test_message ("Aab Old: %s (%s)", row_label (row, "details"), when);
    g_assert_cmpstr (row_label (row, "details"), ==, expected);
    g_assert_nonnull (strstr (row_label (row, "details"), when));
    herald_store_delete (store, HERALD_RECORD (old_stored), NULL);
  }
}

/* An empty store shows the "No Templates Yet" page, whatever the filters;
 * the first template brings the list. */
static void
test_view_empty_store (void)
{
  g_autofree char *path = herald_test_make_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldStore) store = herald_store_open (path, &error);
  g_autoptr(HeraldTemplate) template = herald_template_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HeraldTemplatesView *view = g_object_new (HERALD_TYPE_TEMPLATES_VIEW, NULL);
  GtkStack *content = GTK_STACK (child (view, "content_stack"));
  AdwStatusPage *empty = ADW_STATUS_PAGE (child (view, "empty_page"));
  GtkWidget *visible;

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (view));
  herald_templates_view_set_store (view, store);
  gtk_window_present (window);
  herald_test_wait_for_mapped (GTK_WIDGET (view));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  visible = gtk_stack_get_visible_child (content);
  g_assert_true (visible == GTK_WIDGET (empty) || gtk_widget_is_ancestor (GTK_WIDGET (empty), visible));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, _("No Templates Yet"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, 0);
  herald_test_screenshot (GTK_WIDGET (window), "templates-empty");

  /* A filter does not turn it into "No Results". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (view, "type_filter")), 1 + HERALD_TEMPLATE_TYPE_SMS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (view, "type_filter")), 0);

  herald_template_set_name (template, "Erste Vorlage");
  g_assert_true (herald_store_save (store, HERALD_RECORD (template), &error));
  herald_templates_view_reload (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "list");
  g_assert_cmpuint (herald_templates_view_get_n_shown (view), ==, 1);

  /* And empty again once it is deleted. */
  g_assert_true (herald_store_delete (store, HERALD_RECORD (template), &error));
  herald_templates_view_reload (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");

  gtk_window_destroy (window);
  herald_test_spin (20);
}

static void
test_view_edit_template_action (void)
{
  g_autoptr(GPtrArray) templates = herald_store_list_templates (herald_application_get_store (app), -1, NULL, NULL);
  HeraldTemplate *template = g_ptr_array_index (templates, 0);
  GtkWindow *window;
  GtkWidget *view;
  HeraldTemplateEditor *editor;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HERALD_IS_WINDOW (window));
  herald_test_wait_for_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-template", "s",
                                             herald_record_get_id (HERALD_RECORD (template))));
  herald_test_spin (50);
  g_assert_cmpstr (herald_window_get_visible_view (HERALD_WINDOW (window)), ==, "templates");
  view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HERALD_TYPE_WINDOW, "templates_view"));
  editor = herald_templates_view_get_editor (HERALD_TEMPLATES_VIEW (view));
  g_assert_cmpstr (herald_record_get_id (HERALD_RECORD (herald_template_editor_get_template (editor))), ==,
                   herald_record_get_id (HERALD_RECORD (template)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  /* "" opens a new template. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-template", "s", ""));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor))), ==, "");
  g_assert_null (herald_store_get_template (herald_application_get_store (app),
                                            herald_record_get_id (HERALD_RECORD (herald_template_editor_get_template (editor))),
                                            NULL));
  gtk_window_destroy (window);
  herald_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);

  app = herald_test_app_new (TRUE);

  g_test_add ("/herald/templates/view/list-and-filters", Fixture, NULL,
              fixture_set_up, test_view_list_and_filters, fixture_tear_down);
  g_test_add ("/herald/templates/view/duplicate-and-activate", Fixture, NULL,
              fixture_set_up, test_view_duplicate_and_activate, fixture_tear_down);
  g_test_add ("/herald/templates/view/delete", Fixture, NULL,
              fixture_set_up, test_view_delete, fixture_tear_down);
  g_test_add ("/herald/templates/view/import", Fixture, NULL,
              fixture_set_up, test_view_import, fixture_tear_down);
  g_test_add ("/herald/templates/view/row-texts", Fixture, NULL,
              fixture_set_up, test_view_row_texts, fixture_tear_down);
  g_test_add_func ("/herald/templates/view/empty-store", test_view_empty_store);
  g_test_add_func ("/herald/templates/view/edit-template-action", test_view_edit_template_action);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
