/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-templates-editor.c: the template editor, its preview (including a
 * hostile template against a loopback server), lint panel, variables
 * table and SMS/push counters. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "herald-application.h"
#include "herald-template-editor.h"
#include "herald-test-gui.h"

static HeraldApplication *app;

typedef struct
{
  GtkWindow            *window;
  HeraldTemplateEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->editor = HERALD_TEMPLATE_EDITOR (herald_template_editor_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  herald_template_editor_set_store (fixture->editor, herald_application_get_store (app));
  gtk_window_present (fixture->window);
  herald_test_wait_for_mapped (GTK_WIDGET (fixture->editor));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  herald_test_spin (20);
}

static void
set_buffer (GtkSourceBuffer *buffer,
            const char      *text)
{
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);
}

static char *
dup_buffer (GtkSourceBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
}

typedef struct
{
  HeraldTemplatePreview *preview;
  guint                  loads;
} LoadWait;

static gboolean
loaded_cb (gpointer user_data)
{
  LoadWait *wait = user_data;

  return herald_template_preview_get_loads_finished (wait->preview) >= wait->loads;
}

static void
wait_for_load (HeraldTemplatePreview *preview,
               guint                  loads_before)
{
  LoadWait wait = { preview, loads_before + 1 };

  g_assert_true (herald_test_wait_until (loaded_cb, &wait, 20000));
}

static gboolean
settled_cb (gpointer user_data)
{
  return loaded_cb (user_data) && !herald_template_preview_get_busy (((LoadWait *) user_data)->preview);
}

/* A load after @loads_before finished and none is in flight or waiting:
 * the page shown is the newest. */
static void
wait_for_settled (HeraldTemplatePreview *preview,
                  guint                  loads_before)
{
  LoadWait wait = { preview, loads_before + 1 };

  g_assert_true (herald_test_wait_until (settled_cb, &wait, 20000));
}

/* Loads @template (or a new one) and waits for its first preview, so that
 * later waits count only the loads they cause. */
static void
load_and_wait (HeraldTemplateEditor *editor,
               HeraldTemplate       *template)
{
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  guint loads = herald_template_preview_get_loads_finished (preview);

  herald_template_editor_load (editor, template);
  if (herald_template_get_template_type (herald_template_editor_get_template (editor)) == HERALD_TEMPLATE_TYPE_EMAIL)
    wait_for_load (preview, loads);
}

/* Sample contacts */

#define TEST_CONTACT_NAME "Aaron Abendroth"

/* A contact of the store whose name sorts first, so that it is among the
 * editor's sample contacts, with UCS-2 in a custom attribute. */
static void
ensure_test_contact (void)
{
  HeraldStore *store = herald_application_get_store (app);
  g_autoptr(GPtrArray) found = herald_store_list_contacts (store, TEST_CONTACT_NAME, NULL, 1, NULL);
  g_autoptr(HeraldContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (found != NULL && found->len > 0)
    return;
  contact = herald_contact_new ();
  herald_contact_set_name (contact, TEST_CONTACT_NAME);
  herald_contact_set_email (contact, "aaron@example.org");
  herald_contact_set_attributes (contact, "{\"city\": \"Łódź\", \"tier\": \"Gold <VIP>\"}");
  herald_store_save (store, HERALD_RECORD (contact), &error);
  g_assert_no_error (error);
}

/* Re-reads the sample contacts and chooses @name; returns its index. */
static guint
select_sample (HeraldTemplateEditor *editor,
               const char           *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR,
                                                                        "contact_dropdown"));
  GListModel *model;

  herald_template_editor_set_store (editor, NULL);
  herald_template_editor_set_store (editor, herald_application_get_store (app));
  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        herald_template_editor_set_sample_contact (editor, i);
        return i;
      }
  g_assert_not_reached ();
  return 0;
}

/* Round trip */

static void
test_editor_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  HeraldStore *store = herald_application_get_store (app);
  HeraldTemplateEditor *editor = fixture->editor;
  g_autoptr(HeraldTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  const char *variables = "{\"coupon\":{\"default\":\"WELCOME10\",\"description\":\"Gutscheincode\"},"
                          "\"city\":{\"default\":\"Köln\"}}";
  HeraldTemplate *template;
  gint64 outbox_before, outbox_after;

  herald_template_editor_load (editor, NULL);
  g_assert_false (herald_template_editor_get_modified (editor));

  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor)), "Spring „Sale“");
  g_assert_true (herald_template_editor_get_modified (editor));
  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Hallo {{ first_name }}");
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_preheader_row (editor)), "Nur diese Woche");
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<p>Hi {{ name }}, code {{ coupon }} <a href=\"{{ unsubscribe_url }}\">Abmelden</a></p>");
  set_buffer (herald_template_editor_get_text_buffer (editor), "Hi {{ name }}\nCode: {{ coupon }}");
  g_assert_true (herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                                   variables, &error));
  g_assert_no_error (error);

  outbox_before = herald_store_count_outbox (store, NULL);
  herald_template_editor_save (editor, &error);
  g_assert_no_error (error);
  g_assert_false (herald_template_editor_get_modified (editor));
  outbox_after = herald_store_count_outbox (store, NULL);
  g_assert_cmpint (outbox_after, >, outbox_before);

  template = herald_template_editor_get_template (editor);
  stored = herald_store_get_template (store, herald_record_get_id (HERALD_RECORD (template)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_template_get_name (stored), ==, "Spring „Sale“");
  g_assert_cmpint (herald_template_get_template_type (stored), ==, HERALD_TEMPLATE_TYPE_EMAIL);
  g_assert_cmpstr (herald_template_get_subject (stored), ==, "Hallo {{ first_name }}");
  g_assert_cmpstr (herald_template_get_preheader (stored), ==, "Nur diese Woche");
  g_assert_cmpstr (herald_template_get_body_html (stored), ==,
                   "<p>Hi {{ name }}, code {{ coupon }} <a href=\"{{ unsubscribe_url }}\">Abmelden</a></p>");
  g_assert_cmpstr (herald_template_get_body_text (stored), ==, "Hi {{ name }}\nCode: {{ coupon }}");
  g_assert_cmpstr (herald_template_get_variables (stored), ==, variables);

  /* And back into a clean editor. */
  herald_template_editor_load (editor, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor))), ==, "");
  herald_template_editor_load (editor, stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor))), ==, "Spring „Sale“");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor))), ==, "Hallo {{ first_name }}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (herald_template_editor_get_preheader_row (editor))), ==, "Nur diese Woche");
  html = dup_buffer (herald_template_editor_get_html_buffer (editor));
  g_assert_cmpstr (html, ==, herald_template_get_body_html (stored));
  g_assert_cmpuint (herald_variables_editor_get_n_variables (herald_template_editor_get_variables_editor (editor)), ==, 2);
  g_assert_false (herald_template_editor_get_modified (editor));
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_editor_unsaved_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkWindow *dialog;
  guint closed = 0;

  g_signal_connect_swapped (editor, "closed", G_CALLBACK (count_cb), &closed);
  herald_template_editor_load (editor, NULL);

  /* Nothing changed: closes at once. */
  g_assert_null (herald_template_editor_request_close (editor));
  g_assert_cmpuint (closed, ==, 1);

  set_buffer (herald_template_editor_get_text_buffer (editor), "changed");
  dialog = herald_template_editor_request_close (editor);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  herald_test_spin (20);
  g_assert_cmpuint (closed, ==, 1);
  g_assert_true (herald_template_editor_get_modified (editor));

  dialog = herald_template_editor_request_close (editor);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  herald_test_spin (20);
  g_assert_cmpuint (closed, ==, 2);
  g_assert_false (herald_template_editor_get_modified (editor));

  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_name_row (editor)), "Saved on close");
  dialog = herald_template_editor_request_close (editor);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  herald_test_spin (20);
  g_assert_cmpuint (closed, ==, 3);
  g_assert_nonnull (herald_store_get_template (herald_application_get_store (app),
                                               herald_record_get_id (HERALD_RECORD (herald_template_editor_get_template (editor))),
                                               NULL));
}

static void
test_editor_close_window (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HeraldTemplateEditor *editor = HERALD_TEMPLATE_EDITOR (herald_template_editor_new ());
  GtkWindow *dialog = NULL;
  GList *toplevels;
  g_autoptr(GtkWidget) keep = GTK_WIDGET (g_object_ref (window));

  gtk_window_set_child (window, GTK_WIDGET (editor));
  herald_template_editor_set_store (editor, herald_application_get_store (app));
  gtk_window_present (window);
  herald_test_wait_for_mapped (GTK_WIDGET (editor));
  herald_template_editor_load (editor, NULL);
  set_buffer (herald_template_editor_get_text_buffer (editor), "unsaved");

  /* Closing asks instead of closing. */
  gtk_window_close (window);
  herald_test_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == window)
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);

  /* Discard: now it closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  herald_test_spin (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
}

/* Variables table */

static void
test_variables_json (void)
{
  HeraldVariablesEditor *table = g_object_ref_sink (HERALD_VARIABLES_EDITOR (herald_variables_editor_new ()));
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) names = NULL;

  /* The object shape reads too and is written as the array shape. */
  g_assert_true (herald_variables_editor_set_json (table,
                 "{\"city\": \"Berlin\", \"coupon\": {\"default\": \"WELCOME\", \"description\": \"Gutscheincode\"}, \"plain\": null}",
                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (herald_variables_editor_get_n_variables (table), ==, 3);
  json = herald_variables_editor_dup_json (table);
  g_assert_cmpstr (json, ==,
                   "{\"city\":{\"default\":\"Berlin\"},"
                   "\"coupon\":{\"default\":\"WELCOME\",\"description\":\"Gutscheincode\"},"
                   "\"plain\":{}}");
  g_clear_pointer (&json, g_free);

  /* The array shape reads too; rows without a name are dropped. */
  g_assert_true (herald_variables_editor_set_json (table,
                 "[{\"name\":\"a\",\"default\":\"1\",\"description\":\"x\"},{\"default\":\"orphan\"},{\"name\":\"b\"}]",
                 &error));
  g_assert_cmpuint (herald_variables_editor_get_n_variables (table), ==, 2);
  herald_variables_editor_add (table, "", "no name", NULL);
  herald_variables_editor_add (table, "c", "ü \"quoted\"", NULL);
  json = herald_variables_editor_dup_json (table);
  g_assert_cmpstr (json, ==,
                   "{\"a\":{\"default\":\"1\",\"description\":\"x\"},\"b\":{},"
                   "\"c\":{\"default\":\"ü \\\"quoted\\\"\"}}");
  names = herald_variables_editor_dup_names (table);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[2], ==, "c");

  /* Not JSON, or JSON of the wrong shape: an error and an empty table. */
  g_assert_false (herald_variables_editor_set_json (table, "{oops", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (herald_variables_editor_set_json (table, "42", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (herald_variables_editor_get_n_variables (table), ==, 0);

  g_assert_finalize_object (table);
}

/* Unknown variables and lint */

static gboolean
has_tag_at (GtkSourceBuffer *buffer,
            const char      *tag_name,
            int              offset)
{
  GtkTextIter iter;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)), tag_name);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static int
char_offset (const char *text,
             const char *needle)
{
  return g_utf8_pointer_to_offset (text, strstr (text, needle));
}

static void
test_editor_unknown_variables (Fixture       *fixture,
                               gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);
  HeraldLintPanel *panel = herald_template_editor_get_lint_panel (editor);
  gboolean found = FALSE;

  herald_template_editor_load (editor, NULL);
  herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                    "[{\"name\":\"coupon\"}]", NULL);
  /*                       0123456789012345678901234567890 */
  set_buffer (html, "<p>{{ coupon }} {{ cuopon }}</p>\n<p>{{ name }}</p>");
  herald_template_editor_refresh_now (editor);

  g_assert_cmpuint (herald_template_editor_count_unknown (editor), ==, 1);
  g_assert_false (has_tag_at (html, "unknown-variable", 4));
  g_assert_true (has_tag_at (html, "unknown-variable", 17));
  g_assert_true (has_tag_at (html, "unknown-variable", 26));
  g_assert_false (has_tag_at (html, "unknown-variable", 36));

  for (guint i = 0; i < herald_lint_panel_get_n_rows (panel); i++)
    if (strstr (herald_lint_panel_get_message (panel, i), "cuopon") != NULL)
      found = TRUE;
  g_assert_true (found);

  /* Declaring it fixes it. */
  herald_variables_editor_add (herald_template_editor_get_variables_editor (editor), "cuopon", NULL, NULL);
  herald_template_editor_refresh_now (editor);
  g_assert_cmpuint (herald_template_editor_count_unknown (editor), ==, 0);
  g_assert_false (has_tag_at (html, "unknown-variable", 17));
}

static gboolean
matches_at_end (HeraldTemplateEditor *editor,
                const char           *name)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (herald_template_editor_get_html_buffer (editor));
  GtkTextIter start, end;
  g_auto(GStrv) matches = NULL;

  gtk_text_buffer_get_end_iter (buffer, &end);
  matches = herald_variable_completion_dup_matches (herald_template_editor_get_completion (editor), &start, &end);
  return name == NULL ? g_strv_length (matches) == 0 : g_strv_contains ((const char * const *) matches, name);
}

static void
test_editor_completion (Fixture       *fixture,
                        gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);

  herald_template_editor_load (editor, NULL);
  herald_variables_editor_add (herald_template_editor_get_variables_editor (editor), "coupon", "X", NULL);
  herald_template_editor_refresh_now (editor);

  set_buffer (html, "<p>Hallo {{ fi");
  g_assert_true (matches_at_end (editor, "first_name"));
  g_assert_false (matches_at_end (editor, "coupon"));
  set_buffer (html, "<p>{{co");
  g_assert_true (matches_at_end (editor, "coupon"));
  /* Outside a tag nothing is offered. */
  set_buffer (html, "<p>co");
  g_assert_true (matches_at_end (editor, NULL));
  set_buffer (html, "<p>{ co");
  g_assert_true (matches_at_end (editor, NULL));

  /* Inserting from the variables table writes a whole tag at the cursor. */
  set_buffer (html, "<p></p>");
  {
    GtkTextIter iter;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (html), &iter, 3);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (html), &iter);
    herald_template_editor_insert_variable (editor, "coupon");
    text = dup_buffer (html);
    g_assert_cmpstr (text, ==, "<p>{{ coupon }}</p>");
  }
}

static gboolean
panel_mentions (HeraldLintPanel *panel,
                const char      *name)
{
  /* English quotes the name “so”, German „so“. */
  g_autofree char *english = g_strdup_printf ("“%s”", name);
  g_autofree char *german = g_strdup_printf ("„%s“", name);

  for (guint i = 0; i < herald_lint_panel_get_n_rows (panel); i++)
    {
      const char *message = herald_lint_panel_get_message (panel, i);

      if (strstr (message, english) != NULL || strstr (message, german) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The underlines and the Checks tab agree on what is known, whichever
 * sample is chosen: a contact attribute (city) is known in both. */
static void
test_editor_known_variables (Fixture       *fixture,
                             gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);
  GtkSourceBuffer *text = herald_template_editor_get_text_buffer (editor);
  HeraldLintPanel *panel = herald_template_editor_get_lint_panel (editor);
  const char *source = "<p>{{ city }} {{ tier }} {{ coupon }} {{ town }}</p>";
  guint contact;

  ensure_test_contact ();
  herald_template_editor_load (editor, NULL);
  contact = select_sample (editor, TEST_CONTACT_NAME);
  herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                    "{\"coupon\": \"X\"}", NULL);
  set_buffer (html, source);
  set_buffer (text, "{{ city }} {{ town }}");

  for (guint round = 0; round < 2; round++)
    {
      herald_template_editor_set_sample_contact (editor, round == 0 ? 0 : contact);
      herald_template_editor_refresh_now (editor);

      /* town in the HTML and in the text. */
      g_assert_cmpuint (herald_template_editor_count_unknown (editor), ==, 2);
      g_assert_false (has_tag_at (html, "unknown-variable", char_offset (source, "city")));
      g_assert_false (has_tag_at (html, "unknown-variable", char_offset (source, "tier")));
      g_assert_false (has_tag_at (html, "unknown-variable", char_offset (source, "coupon")));
      g_assert_true (has_tag_at (html, "unknown-variable", char_offset (source, "town")));
      g_assert_false (has_tag_at (text, "unknown-variable", 3));
      g_assert_true (has_tag_at (text, "unknown-variable", 14));
      g_assert_false (panel_mentions (panel, "city"));
      g_assert_false (panel_mentions (panel, "tier"));
      g_assert_false (panel_mentions (panel, "coupon"));
      g_assert_true (panel_mentions (panel, "town"));
    }

  /* Completion offers the attribute names too. */
  set_buffer (html, "{{ ti");
  g_assert_true (matches_at_end (editor, "tier"));
}

static void
cursor_line_cb (HeraldLintPanel *panel, guint part, guint line, guint column, gpointer user_data)
{
  *(guint *) user_data = line;
}

static void
test_editor_lint_panel (Fixture       *fixture,
                        gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldLintPanel *panel = herald_template_editor_get_lint_panel (editor);
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);
  GtkTextIter cursor;
  guint line = 0;
  gboolean alt = FALSE, unsubscribe = FALSE, scheme = FALSE;

  herald_template_editor_load (editor, NULL);
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Subject");
  set_buffer (html, "<html><body>\n<p>Hello</p>\n<img src=\"data:image/png;base64,AAAA\">\n"
                    "<a href=\"ftp://example.com/x\">x</a>\n</body></html>");
  set_buffer (herald_template_editor_get_text_buffer (editor), "Hello");
  herald_template_editor_refresh_now (editor);

  for (guint i = 0; i < herald_lint_panel_get_n_rows (panel); i++)
    {
      const char *message = herald_lint_panel_get_message (panel, i);

      g_test_message ("finding: %s", message);
    }
  {
    g_autoptr(GPtrArray) findings = herald_lint_email ("Subject", NULL,
        "<html><body>\n<p>Hello</p>\n<img src=\"data:image/png;base64,AAAA\">\n"
        "<a href=\"ftp://example.com/x\">x</a>\n</body></html>", "Hello", NULL);

    g_assert_cmpuint (herald_lint_panel_get_n_rows (panel), ==, findings->len);
    for (guint i = 0; i < findings->len; i++)
      {
        HeraldLintFinding *finding = g_ptr_array_index (findings, i);

        g_assert_cmpstr (herald_lint_panel_get_message (panel, i), ==, finding->message);
        if (g_str_equal (finding->code, HERALD_LINT_IMAGE_WITHOUT_ALT))
          {
            alt = TRUE;
            g_signal_connect (panel, "finding-activated", G_CALLBACK (cursor_line_cb), &line);
            herald_lint_panel_activate (panel, i);
            g_assert_cmpuint (line, ==, 3);
            gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (html), &cursor,
                                              gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (html)));
            g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 2);
          }
        unsubscribe |= g_str_equal (finding->code, HERALD_LINT_MISSING_UNSUBSCRIBE);
        scheme |= g_str_equal (finding->code, HERALD_LINT_LINK_NOT_HTTP);
      }
  }
  g_assert_true (alt);
  g_assert_true (unsubscribe);
  g_assert_true (scheme);
}

/* SMS and push */

static void
test_editor_sms_counter (Fixture       *fixture,
                         gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *text = herald_template_editor_get_text_buffer (editor);
  g_autofree char *long_gsm = g_strnfill (161, 'a');

  herald_template_editor_load (editor, NULL);
  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_SMS);

  set_buffer (text, "Hello");
  herald_template_editor_refresh_now (editor);
  g_test_message ("%s", herald_template_editor_get_counter_text (editor));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "GSM-7"));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "1 SMS"));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "155"));

  set_buffer (text, long_gsm);
  herald_template_editor_refresh_now (editor);
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "2 SMS"));

  /* € is GSM-7 extended (2 septets); ä is GSM-7; ł forces UCS-2. */
  set_buffer (text, "Preis 5 € für Paweł");
  herald_template_editor_refresh_now (editor);
  g_test_message ("%s", herald_template_editor_get_counter_text (editor));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "UCS-2"));
  g_assert_true (has_tag_at (text, "ucs2", 18));
  g_assert_false (has_tag_at (text, "ucs2", 8));

  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_PUSH);
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Flash sale");
  set_buffer (text, "Two hours only");
  herald_template_editor_refresh_now (editor);
  g_test_message ("%s", herald_template_editor_get_counter_text (editor));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "55"));
  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "226"));
}

static void
test_editor_sms_ucs2_source (Fixture       *fixture,
                             gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *text = herald_template_editor_get_text_buffer (editor);
  GtkLabel *ucs2_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR,
                                                                   "ucs2_label"));
  /* A tag before the UCS-2 character of the text, which renders longer
   * than it is written, and a value (Łódź) with UCS-2 characters. */
  const char *source = "{{ first_name }}: Paweł grüßt aus {{ city }}!";
  int l = char_offset (source, "ł"), city = char_offset (source, "{{ city }}");
  const char *message;

  ensure_test_contact ();
  herald_template_editor_load (editor, NULL);
  select_sample (editor, TEST_CONTACT_NAME);
  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_SMS);
  set_buffer (text, source);
  herald_template_editor_refresh_now (editor);
  g_test_message ("%s / %s", herald_template_editor_get_counter_text (editor), gtk_label_get_label (ucs2_label));

  g_assert_nonnull (strstr (herald_template_editor_get_counter_text (editor), "UCS-2"));
  /* The ł of the text where it is written, nothing around it. */
  g_assert_true (has_tag_at (text, "ucs2", l));
  g_assert_false (has_tag_at (text, "ucs2", l - 1));
  g_assert_false (has_tag_at (text, "ucs2", l + 1));
  /* The rendered position of ł (“Aaron: Pawe|ł”) is inside the first tag. */
  for (int i = 0; i < char_offset (source, ":"); i++)
    g_assert_false (has_tag_at (text, "ucs2", i));
  /* “ü” and “ß” are GSM-7. */
  g_assert_false (has_tag_at (text, "ucs2", char_offset (source, "ü")));
  /* The tag whose value brings in Ł, ó and ź is marked whole. */
  for (int i = city; i < city + 10; i++)
    g_assert_true (has_tag_at (text, "ucs2", i));
  g_assert_false (has_tag_at (text, "ucs2", city + 10));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ucs2_label)));
  message = gtk_label_get_label (ucs2_label);
  g_assert_nonnull (strstr (message, "ł"));
  herald_test_spin (100);
  g_free (herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-sms-ucs2"));
  {
    g_autofree char *from_city = g_strdup_printf (_("%s (from %s)"), "Ł\u00a0ó\u00a0ź", "{{ city }}");

    g_assert_nonnull (strstr (message, from_city));
  }
  g_assert_null (strstr (message, "ü"));

  /* With the variables' defaults, the city tag stays as written: GSM-7
   * except for the ł of the text. */
  herald_template_editor_set_sample_contact (editor, 0);
  herald_template_editor_refresh_now (editor);
  g_assert_true (has_tag_at (text, "ucs2", l));
  g_assert_false (has_tag_at (text, "ucs2", city));
  g_assert_null (strstr (gtk_label_get_label (ucs2_label), "{{ city }}"));

  /* All GSM-7: nothing marked, no message. */
  set_buffer (text, "{{ first_name }}: Pawel grüßt!");
  herald_template_editor_refresh_now (editor);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ucs2_label)));
}

static void
test_editor_search_replace (Fixture       *fixture,
                            gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);
  GtkWidget *search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "search_entry"));
  GtkWidget *replace_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "replace_entry"));
  GtkWidget *replace_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "replace_box"));
  GtkSearchBar *bar = GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "search_bar"));
  GtkWidget *replace_all = NULL;
  g_autofree char *text = NULL;

  herald_template_editor_load (editor, NULL);
  set_buffer (html, "<p>Sale</p><p>Sale again</p>");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_false (gtk_widget_get_visible (replace_box));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  g_assert_true (gtk_widget_get_visible (replace_box));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "Sale");
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "Angebot");
  herald_test_spin (400);
  for (GtkWidget *w = gtk_widget_get_first_child (replace_box); w != NULL; w = gtk_widget_get_next_sibling (w))
    replace_all = w;
  g_assert_true (GTK_IS_BUTTON (replace_all));
  g_signal_emit_by_name (replace_all, "clicked");
  text = dup_buffer (html);
  g_assert_cmpstr (text, ==, "<p>Angebot</p><p>Angebot again</p>");

  /* One undo step brings the text back. */
  g_assert_true (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (html)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (html));
  g_clear_pointer (&text, g_free);
  text = dup_buffer (html);
  g_assert_cmpstr (text, ==, "<p>Sale</p><p>Sale again</p>");
}

static GtkWidget *
last_child (GtkWidget *parent)
{
  GtkWidget *last = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (parent); w != NULL; w = gtk_widget_get_next_sibling (w))
    last = w;
  return last;
}

static void
assert_matches (GtkLabel *label,
                int       n)
{
  g_autofree char *expected = g_strdup_printf (ngettext ("%d match", "%d matches", n), n);

  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
}

/* Find and replace work in the source view that has the focus: the text
 * body of an e-mail, the SMS text, the push body. */
static void
test_editor_search_focused (Fixture       *fixture,
                            gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *html = herald_template_editor_get_html_buffer (editor);
  GtkSourceBuffer *text = herald_template_editor_get_text_buffer (editor);
  GtkWidget *text_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "text_view"));
  GtkWidget *html_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "html_view"));
  GtkWidget *search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "search_entry"));
  GtkWidget *replace_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "replace_entry"));
  GtkWidget *replace_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "replace_box"));
  GtkLabel *count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "search_count_label"));
  GtkSearchBar *bar = GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "search_bar"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "editor_stack"));
  g_autofree char *s = NULL;

  /* E-mail, the plain-text body focused. */
  herald_template_editor_load (editor, NULL);
  set_buffer (html, "<p>Sale</p>");
  set_buffer (text, "Sale! Sale! Sale!");
  gtk_stack_set_visible_child_name (stack, "text");
  gtk_widget_grab_focus (text_view);
  herald_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  /* The search stays with the text, not the HTML tab. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "text");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "Sale");
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "Angebot");
  herald_test_spin (400);
  assert_matches (count, 3);
  g_free (herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-search"));
  g_signal_emit_by_name (last_child (replace_box), "clicked");
  s = dup_buffer (text);
  g_assert_cmpstr (s, ==, "Angebot! Angebot! Angebot!");
  g_clear_pointer (&s, g_free);
  s = dup_buffer (html);
  g_assert_cmpstr (s, ==, "<p>Sale</p>");
  g_clear_pointer (&s, g_free);

  /* Focusing the HTML view moves the search there. */
  gtk_stack_set_visible_child_name (stack, "html");
  gtk_widget_grab_focus (html_view);
  herald_test_spin (400);
  assert_matches (count, 1);
  gtk_search_bar_set_search_mode (bar, FALSE);

  /* SMS: Ctrl+F works (it did nothing before) and replaces in the text. */
  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_SMS);
  set_buffer (text, "Hallo {{ name }}, hallo!");
  gtk_widget_grab_focus (text_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_false (gtk_widget_get_visible (replace_box));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "hallo");
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "Hi");
  herald_test_spin (400);
  g_signal_emit_by_name (last_child (replace_box), "clicked");
  s = dup_buffer (text);
  g_assert_cmpstr (s, ==, "Hi {{ name }}, Hi!");
  g_clear_pointer (&s, g_free);

  /* Push body, reached from the variables tab. */
  adw_combo_row_set_selected (herald_template_editor_get_type_row (editor), HERALD_TEMPLATE_TYPE_PUSH);
  set_buffer (text, "Nur heute: 10 % auf alles, nur heute");
  gtk_stack_set_visible_child_name (stack, "variables");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.replace", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "text");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "nur heute");
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "diese Woche");
  herald_test_spin (400);
  g_signal_emit_by_name (last_child (replace_box), "clicked");
  s = dup_buffer (text);
  /* Case-insensitive by default, as GtkSourceView's search is. */
  g_assert_cmpstr (s, ==, "diese Woche: 10 % auf alles, diese Woche");
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (text));
  g_clear_pointer (&s, g_free);
  s = dup_buffer (text);
  g_assert_cmpstr (s, ==, "Nur heute: 10 % auf alles, nur heute");
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preview lists the message as an inbox does: subject, preheader. */
static void
test_preview_inbox_line (Fixture       *fixture,
                         gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  AdwEntryRow *preheader = herald_template_editor_get_preheader_row (editor);

  ensure_test_contact ();
  load_and_wait (editor, NULL);
  select_sample (editor, TEST_CONTACT_NAME);
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Hallo {{ first_name }}");
  gtk_editable_set_text (GTK_EDITABLE (preheader), "Neu in {{ city }}: <b>alles</b>");
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<html><body><h1>Willkommen</h1>\n<p>im   <a href=\"https://example.com/s\">Sommer</a>.</p></body></html>");
  set_buffer (herald_template_editor_get_text_buffer (editor), "Text part");
  herald_template_editor_refresh_now (editor);

  /* Rendered for the sample, as text (not HTML-escaped). */
  g_assert_cmpstr (herald_template_preview_get_inbox_subject (preview), ==, "Hallo Aaron");
  g_assert_cmpstr (herald_template_preview_get_inbox_preheader (preview), ==, "Neu in Łódź: <b>alles</b>");

  /* Without a preheader, the start of the message, on one line. */
  gtk_editable_set_text (GTK_EDITABLE (preheader), "");
  herald_template_editor_refresh_now (editor);
  g_assert_cmpstr (herald_template_preview_get_inbox_preheader (preview), ==, "Willkommen im Sommer.");
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "");
  herald_template_editor_refresh_now (editor);
  g_assert_cmpstr (herald_template_preview_get_inbox_subject (preview), ==, _("(No subject)"));
  herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-inbox");

  /* The line goes dark with the dark-background check. */
  {
    GtkWidget *line = find_by_class (GTK_WIDGET (preview), "herald-inbox-line");

    g_assert_nonnull (line);
    g_assert_true (gtk_widget_get_visible (line));
    g_assert_false (gtk_widget_has_css_class (line, "dark"));
    herald_template_preview_set_dark (preview, TRUE);
    g_assert_true (gtk_widget_has_css_class (line, "dark"));
    herald_template_preview_set_dark (preview, FALSE);
    g_assert_false (gtk_widget_has_css_class (line, "dark"));
  }
}

/* A finding in the preheader focuses the preheader field. */
static void
test_editor_preheader_finding (Fixture       *fixture,
                               gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldLintPanel *panel = herald_template_editor_get_lint_panel (editor);
  AdwEntryRow *preheader = herald_template_editor_get_preheader_row (editor);
  GtkWidget *html_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR, "html_view"));
  GtkWidget *focus;
  gboolean found = FALSE;

  herald_template_editor_load (editor, NULL);
  gtk_editable_set_text (GTK_EDITABLE (herald_template_editor_get_subject_row (editor)), "Subject");
  gtk_editable_set_text (GTK_EDITABLE (preheader), "Nur für {{ frist_name }}");
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<p><a href=\"{{ unsubscribe_url }}\">Abmelden</a></p>");
  herald_template_editor_refresh_now (editor);
  gtk_widget_grab_focus (html_view);
  herald_test_spin (50);

  for (guint i = 0; i < herald_lint_panel_get_n_rows (panel); i++)
    if (strstr (herald_lint_panel_get_message (panel, i), "frist_name") != NULL)
      {
        herald_lint_panel_activate (panel, i);
        found = TRUE;
      }
  g_assert_true (found);
  herald_test_spin (50);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (preheader) || gtk_widget_is_ancestor (focus, GTK_WIDGET (preheader)));
}

typedef struct
{
  HeraldTemplatePreview *preview;
  const char            *title;
} TitleWait;

static gboolean
title_loaded_cb (gpointer user_data)
{
  TitleWait *wait = user_data;

  return g_strcmp0 (webkit_web_view_get_title (herald_template_preview_get_web_view (wait->preview)), wait->title) == 0
    && !herald_template_preview_get_busy (wait->preview);
}

static void
record_title_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  const char *title = webkit_web_view_get_title (WEBKIT_WEB_VIEW (object));

  g_ptr_array_add (user_data, g_strdup (title != NULL ? title : ""));
}

static void
record_load_cb (WebKitWebView *web_view, WebKitLoadEvent event, gpointer user_data)
{
  g_string_append_c (user_data, event == WEBKIT_LOAD_STARTED ? 'S'
                                : event == WEBKIT_LOAD_FINISHED ? 'F' : '-');
}

static gboolean
load_started_cb (gpointer user_data)
{
  return strchr (((GString *) user_data)->str, 'S') != NULL;
}

static gboolean
unknown_is_one_cb (gpointer user_data)
{
  return herald_template_editor_count_unknown (user_data) == 1;
}

/* One load at a time: what comes while one is in flight waits, and only
 * the newest is loaded next.  Typing while a page loads refreshes after
 * the short quiet period, an edit after a pause at once; the checks follow
 * by themselves. */
static void
test_preview_coalesces (Fixture       *fixture,
                        gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(GString) filler = g_string_new (NULL);
  g_autofree char *one = NULL;
  g_autofree char *four = NULL;
  TitleWait wait = { preview, "three" };
  gulong handler, load_handler;
  guint loads;

  g_assert_cmpint (HERALD_TEMPLATE_EDITOR_REFRESH_DELAY, <=, 60);
  load_and_wait (editor, NULL);
  loads = herald_template_preview_get_loads_finished (preview);
  g_assert_false (herald_template_preview_get_busy (preview));

  /* Pages big enough that their load is still going on when the test
   * has seen it start. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (filler, "<p>Absatz %u mit etwas Text</p>\n", i);
  one = g_strdup_printf ("<title>one</title>%s", filler->str);
  four = g_strdup_printf ("<title>four</title>%s", filler->str);

  handler = g_signal_connect (web_view, "notify::title", G_CALLBACK (record_title_cb), titles);
  load_handler = g_signal_connect (web_view, "load-changed", G_CALLBACK (record_load_cb), events);
  herald_template_preview_set_html (preview, one);
  g_assert_true (herald_template_preview_get_busy (preview));
  /* While WebKit loads “one”. */
  g_assert_true (herald_test_wait_until (load_started_cb, events, 20000));
  g_assert_true (herald_template_preview_get_busy (preview));
  herald_template_preview_set_html (preview, "<title>two</title><p>2</p>");
  herald_template_preview_set_html (preview, "<title>three</title><p>3</p>");
  g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));
  herald_test_spin (300);
  g_signal_handler_disconnect (web_view, handler);
  g_signal_handler_disconnect (web_view, load_handler);

  /* Each load finished before the next started: never two in flight. */
  g_test_message ("load events: %s", events->str);
  {
    gboolean in_flight = FALSE;

    for (const char *p = events->str; *p; p++)
      if (*p == 'S')
        {
          g_assert_false (in_flight);
          in_flight = TRUE;
        }
      else if (*p == 'F')
        in_flight = FALSE;
    g_assert_false (in_flight);
  }
  g_assert_cmpuint (herald_template_preview_get_loads_finished (preview) - loads, ==, 2);

  /* “one”, then straight to “three”: never “two”. */
  g_assert_cmpstr (titles->pdata[titles->len - 1], ==, "three");
  for (guint i = 0; i < titles->len; i++)
    {
      g_test_message ("title: %s", (char *) titles->pdata[i]);
      g_assert_cmpstr (titles->pdata[i], !=, "two");
    }
  g_assert_false (herald_template_preview_get_busy (preview));

  /* A newer document announced: the one waiting is not loaded meanwhile;
   * if none comes, it is, once the announcement runs out. */
  g_ptr_array_set_size (titles, 0);
  g_string_truncate (events, 0);
  handler = g_signal_connect (web_view, "notify::title", G_CALLBACK (record_title_cb), titles);
  load_handler = g_signal_connect (web_view, "load-changed", G_CALLBACK (record_load_cb), events);
  herald_template_preview_set_html (preview, four);
  g_assert_true (herald_test_wait_until (load_started_cb, events, 20000));
  g_assert_true (herald_template_preview_get_busy (preview));
  herald_template_preview_set_html (preview, "<title>stale</title><p>5</p>");
  herald_template_preview_expect_html (preview, 2000);
  wait.title = "four";
  if (!herald_test_wait_until (title_loaded_cb, &wait, 20000))
    {
      g_test_message ("events %s, title now %s, busy %d", events->str,
                      webkit_web_view_get_title (web_view), herald_template_preview_get_busy (preview));
      for (guint i = 0; i < titles->len; i++)
        g_test_message ("title: %s", (char *) titles->pdata[i]);
      g_assert_not_reached ();
    }
  herald_test_spin (300);
  g_assert_false (herald_template_preview_get_busy (preview));
  herald_template_preview_set_html (preview, "<title>six</title><p>6</p>");
  wait.title = "six";
  g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (titles->pdata[i], !=, "stale");
  herald_template_preview_set_html (preview, "<title>seven</title><p>7</p>");
  herald_template_preview_set_html (preview, "<title>eight</title><p>8</p>");
  herald_template_preview_expect_html (preview, 300);
  wait.title = "eight";
  g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));
  g_signal_handler_disconnect (web_view, handler);
  g_signal_handler_disconnect (web_view, load_handler);

  /* Typing: the page and, after it, the underlines follow on their own. */
  set_buffer (herald_template_editor_get_html_buffer (editor), "<title>typed</title><p>{{ nope }}</p>");
  wait.title = "typed";
  g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));
  g_assert_true (herald_test_wait_until (unknown_is_one_cb, editor, 20000));

  /* An edit while nothing loads is rendered in the next main loop
   * iteration, not after the quiet period (whose timeout cannot have run
   * in three non-blocking iterations). */
  herald_test_spin (300);
  g_assert_false (herald_template_preview_get_busy (preview));
  set_buffer (herald_template_editor_get_html_buffer (editor), "<title>at once</title><p>{{ nope }}</p>");
  for (guint i = 0; i < 3 && !herald_template_preview_get_busy (preview); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (herald_template_preview_get_busy (preview));
  wait.title = "at once";
  g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));

  /* Typing while a page loads: when it is done, one more load (not one
   * per change) shows everything typed meanwhile. */
  herald_test_spin (300);
  {
    g_autofree char *big = g_strdup_printf ("<title>big</title>%s", filler->str);

    loads = herald_template_preview_get_loads_finished (preview);
    g_string_truncate (events, 0);
    load_handler = g_signal_connect (web_view, "load-changed", G_CALLBACK (record_load_cb), events);
    set_buffer (herald_template_editor_get_html_buffer (editor), big);
    g_assert_true (herald_test_wait_until (load_started_cb, events, 20000));
    g_assert_true (herald_template_preview_get_busy (preview));
    set_buffer (herald_template_editor_get_html_buffer (editor), "<title>typed late</title><p>x</p>");
    set_buffer (herald_template_editor_get_html_buffer (editor), "<title>typed later</title><p>x</p>");
    wait.title = "typed later";
    g_assert_true (herald_test_wait_until (title_loaded_cb, &wait, 20000));
    herald_test_spin (300);
    g_signal_handler_disconnect (web_view, load_handler);
    g_test_message ("load events: %s", events->str);
    g_assert_cmpuint (herald_template_preview_get_loads_finished (preview) - loads, ==, 2);
    g_assert_false (herald_template_preview_get_busy (preview));
  }
}

static void
test_preview_options (void)
{
  HeraldTemplatePreview *preview = g_object_ref_sink (HERALD_TEMPLATE_PREVIEW (herald_template_preview_new ()));
  g_autofree char *doc = NULL;

  /* Defaults: local images only, no remote anything, light. */
  doc = herald_template_preview_build_document (preview, "<p>x</p>");
  g_assert_true (g_str_has_prefix (doc, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
  g_assert_nonnull (strstr (doc, "img-src data: cid:;"));
  g_assert_null (strstr (doc, "https:"));
  g_assert_null (strstr (doc, "#1e1e1e"));
  g_assert_true (g_str_has_suffix (doc, "<p>x</p>"));
  g_clear_pointer (&doc, g_free);

  herald_template_preview_set_show_images (preview, FALSE);
  doc = herald_template_preview_build_document (preview, "");
  g_assert_nonnull (strstr (doc, "img-src 'none'"));
  g_clear_pointer (&doc, g_free);

  herald_template_preview_set_show_images (preview, TRUE);
  herald_template_preview_set_allow_remote (preview, TRUE);
  herald_template_preview_set_dark (preview, TRUE);
  doc = herald_template_preview_build_document (preview, "");
  g_assert_nonnull (strstr (doc, "img-src data: cid: http: https:"));
  g_assert_nonnull (strstr (doc, "font-src data: http: https:"));
  /* Never scripts, frames, forms or a base: default-src stays 'none'. */
  g_assert_nonnull (strstr (doc, "default-src 'none'"));
  g_assert_nonnull (strstr (doc, "form-action 'none'"));
  g_assert_nonnull (strstr (doc, "#1e1e1e"));

  g_assert_finalize_object (preview);
}

static void
test_editor_generate_text (Fixture       *fixture,
                           gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  GtkSourceBuffer *text = herald_template_editor_get_text_buffer (editor);
  g_autofree char *before = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *undone = NULL;

  herald_template_editor_load (editor, NULL);
  set_buffer (text, "old text");
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<h1>Sommer</h1><p>Jetzt <a href=\"https://example.com/s\">kaufen</a></p>");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.generate-text", NULL));
  generated = dup_buffer (text);
  g_test_message ("%s", generated);
  g_assert_nonnull (strstr (generated, "Sommer"));
  g_assert_nonnull (strstr (generated, "kaufen (https://example.com/s)"));

  gtk_text_buffer_undo (GTK_TEXT_BUFFER (text));
  undone = dup_buffer (text);
  g_assert_cmpstr (undone, ==, "old text");
}

/* Preview */

static void
title_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
title_is_sample_cb (gpointer user_data)
{
  return g_strcmp0 (webkit_web_view_get_title (user_data), "WELCOME10 <b>& Kundin") == 0;
}

static void
test_preview_sample_values (Fixture       *fixture,
                            gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  guint loads;

  load_and_wait (editor, NULL);
  herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                    "{\"coupon\": \"WELCOME10\", \"first\": \"<b>&\"}", NULL);
  herald_template_editor_set_sample_contact (editor, 0);
  loads = herald_template_preview_get_loads_finished (preview);
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<html><head><title>{{ coupon }} {{ first }} {{ name | default: \"Kundin\" }}</title></head>"
              "<body><p id=\"v\">{{ coupon }}</p></body></html>");
  /* The editor refreshes by itself after the delay. */
  wait_for_load (preview, loads);
  /* A load that was superseded also ends with FINISHED: wait for the title. */
  herald_test_wait_until (title_is_sample_cb, web_view, 10000);
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "WELCOME10 <b>& Kundin");
}

typedef struct
{
  guint requests;
  GPtrArray *paths;
} ServerLog;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ServerLog *log = user_data;

  log->requests++;
  g_ptr_array_add (log->paths, g_strdup (path));
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/gif", SOUP_MEMORY_STATIC,
                                    "GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;", 43);
}

static char *
hostile_html (const char *base)
{
  return g_strdup_printf (
    "<!DOCTYPE html><html><head><title>hostile</title>\n"
    "<meta http-equiv=\"refresh\" content=\"0; url=%1$s/refresh\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">\n"
    "<base href=\"%1$s/base/\">\n"
    "<link rel=\"stylesheet\" href=\"%1$s/style.css\">\n"
    "<link rel=\"prefetch\" href=\"%1$s/prefetch\">\n"
    "<link rel=\"preload\" as=\"image\" href=\"%1$s/preload.png\">\n"
    "<link rel=\"icon\" href=\"%1$s/favicon.ico\">\n"
    "<style>@import url(%1$s/import.css);</style>\n"
    "<style>@font-face { font-family: Evil; src: url(%1$s/font.woff); }\n"
    "body { font-family: Evil; background: url(%1$s/background.png); }</style>\n"
    "<script src=\"%1$s/script.js\"></script>\n"
    "<script>document.title = 'script ran'; new Image().src = '%1$s/from-script';</script>\n"
    "</head><body onload=\"document.title = 'onload ran'\">\n"
    "<img src=\"%1$s/image.png\" alt=\"remote\">\n"
    "<img src=\"relative.png\" alt=\"relative\">\n"
    "<img src=\"x:broken\" onerror=\"document.title = 'onerror ran'\" alt=\"broken\">\n"
    "<picture><source srcset=\"%1$s/source.png\"><img src=\"data:,\" alt=\"p\"></picture>\n"
    "<iframe src=\"%1$s/frame\"></iframe>\n"
    "<object data=\"%1$s/object\"></object><embed src=\"%1$s/embed\">\n"
    "<video src=\"%1$s/video.mp4\" autoplay></video><audio src=\"%1$s/audio.mp3\" autoplay></audio>\n"
    "<form action=\"%1$s/form\" method=\"post\"><input name=\"a\" value=\"b\" autofocus></form>\n"
    "<a href=\"%1$s/link\" ping=\"%1$s/ping\">link</a>\n"
    "<svg><image href=\"%1$s/svg-image.png\"/></svg>\n"
    "<div style=\"background-image: url(%1$s/inline-bg.png)\">x</div>\n"
    "</body></html>", base);
}

static gboolean
title_is_hostile_cb (gpointer user_data)
{
  return g_strcmp0 (webkit_web_view_get_title (user_data), "hostile") == 0;
}

static void
test_preview_hostile (Fixture       *fixture,
                      gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *html = NULL;
  g_autofree char *allowed = NULL;
  ServerLog log = { 0, g_ptr_array_new_with_free_func (g_free) };
  GSList *uris;
  guint loads, titles = 0;

  soup_server_add_handler (server, NULL, server_cb, &log, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  html = hostile_html (base);

  g_signal_connect (web_view, "notify::title", G_CALLBACK (title_changed_cb), &titles);
  load_and_wait (editor, NULL);
  loads = herald_template_preview_get_loads_finished (preview);
  set_buffer (herald_template_editor_get_html_buffer (editor), html);
  herald_template_editor_refresh_now (editor);
  wait_for_load (preview, loads);
  /* The hostile document itself must be what is shown (otherwise zero
   * requests would prove nothing), then give a refresh, lazy loads and a
   * late script time to happen. */
  g_assert_true (herald_test_wait_until (title_is_hostile_cb, web_view, 10000));
  herald_test_spin (2500);

  for (guint i = 0; i < log.paths->len; i++)
    g_test_message ("request arrived: %s", (char *) g_ptr_array_index (log.paths, i));
  g_assert_cmpuint (log.requests, ==, 0);
  /* No script renamed the page: its title is still the document's own (a
   * preview reload may be in flight, so wait for it to settle). */
  g_assert_true (herald_test_wait_until (title_is_hostile_cb, web_view, 5000));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "about:blank");
  /* The refresh was asked for and refused. */
  g_assert_cmpuint (herald_template_preview_get_blocked (preview), >=, 1);

  /* The control: with remote content allowed the same server is reached,
   * so the zero above is not the server failing to listen. */
  loads = herald_template_preview_get_loads_finished (preview);
  herald_template_preview_set_allow_remote (preview, TRUE);
  wait_for_load (preview, loads);
  herald_test_spin (1000);
  g_assert_cmpuint (log.requests, >, 0);
  for (guint i = 0; i < log.paths->len; i++)
    {
      const char *path = g_ptr_array_index (log.paths, i);

      g_test_message ("with remote content allowed: %s", path);
      /* Still no script, navigation, frame, form or plugin. */
      g_assert_false (g_str_has_prefix (path, "/from-script"));
      g_assert_false (g_str_has_prefix (path, "/script.js"));
      g_assert_false (g_str_has_prefix (path, "/refresh"));
      g_assert_false (g_str_has_prefix (path, "/frame"));
      g_assert_false (g_str_has_prefix (path, "/object"));
      g_assert_false (g_str_has_prefix (path, "/embed"));
      g_assert_false (g_str_has_prefix (path, "/form"));
    }
  g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "hostile");
  allowed = g_strdup (webkit_web_view_get_uri (web_view));
  g_assert_cmpstr (allowed, ==, "about:blank");

  g_ptr_array_unref (log.paths);
}

typedef struct
{
  gboolean   done;
  JSCValue  *value;
  GError    *error;
} EvalResult;

static void
eval_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  EvalResult *eval = user_data;

  eval->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &eval->error);
  eval->done = TRUE;
}

static gboolean
eval_done_cb (gpointer user_data)
{
  return ((EvalResult *) user_data)->done;
}

/* Runs @script from the app's side (isolated world), as the preview does. */
static double
evaluate_number (WebKitWebView *web_view,
                 const char    *script)
{
  EvalResult eval = { 0 };
  double number;

  webkit_web_view_evaluate_javascript (web_view, script, -1, "herald-preview", NULL, NULL,
                                       eval_cb, &eval);
  g_assert_true (herald_test_wait_until (eval_done_cb, &eval, 10000));
  g_assert_no_error (eval.error);
  g_assert_true (jsc_value_is_number (eval.value));
  number = jsc_value_to_double (eval.value);
  g_object_unref (eval.value);
  return number;
}

static gboolean
title_is_scroll_cb (gpointer user_data)
{
  return g_strcmp0 (webkit_web_view_get_title (user_data), "scroll") == 0;
}

static void
test_preview_scroll_kept (Fixture       *fixture,
                          gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  g_autoptr(GString) html = g_string_new ("<html><head><title>scroll</title></head><body>");
  guint loads;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (html, "<p>Paragraph %u</p>\n", i);
  g_string_append (html, "</body></html>");

  load_and_wait (editor, NULL);
  loads = herald_template_preview_get_loads_finished (preview);
  set_buffer (herald_template_editor_get_html_buffer (editor), html->str);
  herald_template_editor_refresh_now (editor);
  /* Not only a load: a refresh the editor had scheduled before (the
   * sample contacts arriving) may be behind it. */
  wait_for_settled (preview, loads);
  g_assert_true (herald_test_wait_until (title_is_scroll_cb, web_view, 10000));

  evaluate_number (web_view, "window.scrollTo(0, 1500); window.scrollY");
  herald_test_spin (200);
  g_assert_cmpfloat (evaluate_number (web_view, "window.scrollY"), >=, 1400);

  loads = herald_template_preview_get_loads_finished (preview);
  gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (herald_template_editor_get_html_buffer (editor)), " ", 1);
  herald_template_editor_refresh_now (editor);
  wait_for_settled (preview, loads);
  herald_test_spin (300);
  g_assert_cmpfloat (evaluate_number (web_view, "window.scrollY"), >=, 1400);
}

static char *
evaluate_string (WebKitWebView *web_view,
                 const char    *script)
{
  EvalResult eval = { 0 };
  char *string;

  webkit_web_view_evaluate_javascript (web_view, script, -1, "herald-preview", NULL, NULL,
                                       eval_cb, &eval);
  g_assert_true (herald_test_wait_until (eval_done_cb, &eval, 10000));
  g_assert_no_error (eval.error);
  string = jsc_value_to_string (eval.value);
  g_object_unref (eval.value);
  return string;
}

static void
resource_started_cb (WebKitWebView     *web_view,
                     WebKitWebResource *resource,
                     WebKitURIRequest  *request,
                     gpointer           user_data)
{
  g_ptr_array_add (user_data, g_strdup (webkit_uri_request_get_uri (request)));
}

typedef struct
{
  WebKitWebView *web_view;
  const char    *title;
} TitleIs;

static gboolean
title_is_cb (gpointer user_data)
{
  TitleIs *t = user_data;

  return g_strcmp0 (webkit_web_view_get_title (t->web_view), t->title) == 0;
}

#define GIF_1X1 "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

/* Nothing is read from the file system: images, style sheets, frames and
 * links pointing at file:// load nothing, with or without remote content. */
static void
test_preview_no_files (Fixture       *fixture,
                       gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("herald-preview-XXXXXX", NULL);
  g_autofree char *image = g_build_filename (dir, "image.gif", NULL);
  g_autofree char *css = g_build_filename (dir, "style.css", NULL);
  g_autofree char *page = g_build_filename (dir, "page.html", NULL);
  g_autofree char *image_uri = g_filename_to_uri (image, NULL, NULL);
  g_autofree char *css_uri = g_filename_to_uri (css, NULL, NULL);
  g_autofree char *page_uri = g_filename_to_uri (page, NULL, NULL);
  g_autofree char *html = NULL;
  g_autofree guchar *gif = NULL;
  gsize gif_length;
  TitleIs title = { web_view, "files" };
  gulong handler;

  gif = g_base64_decode (GIF_1X1, &gif_length);
  g_assert_true (g_file_set_contents (image, (char *) gif, gif_length, NULL));
  g_assert_true (g_file_set_contents (css, "body { background: rgb(255, 0, 0); }", -1, NULL));
  g_assert_true (g_file_set_contents (page, "<p>FILE-MARKER</p>", -1, NULL));
  html = g_strdup_printf ("<html><head><title>files</title><link rel=\"stylesheet\" href=\"%2$s\"></head><body>\n"
                          "<img id=\"file\" src=\"%1$s\" alt=\"f\">\n"
                          "<img id=\"data\" src=\"data:image/gif;base64," GIF_1X1 "\" alt=\"d\">\n"
                          "<iframe id=\"frame\" src=\"%3$s\"></iframe>\n"
                          "<a id=\"link\" href=\"%3$s\">open</a>\n"
                          "</body></html>", image_uri, css_uri, page_uri);

  handler = g_signal_connect (web_view, "resource-load-started", G_CALLBACK (resource_started_cb), requests);
  load_and_wait (editor, NULL);
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *frame = NULL;
      g_autofree char *background = NULL;
      guint loads = herald_template_preview_get_loads_finished (preview);
      guint blocked;

      if (round == 0)
        {
          set_buffer (herald_template_editor_get_html_buffer (editor), html);
          herald_template_editor_refresh_now (editor);
        }
      else
        herald_template_preview_set_allow_remote (preview, TRUE);
      wait_for_load (preview, loads);
      g_assert_true (herald_test_wait_until (title_is_cb, &title, 10000));
      herald_test_spin (500);

      /* The file's image did not load; the data: image (the control) did. */
      g_assert_cmpfloat (evaluate_number (web_view, "document.getElementById('file').naturalWidth"), ==, 0);
      g_assert_cmpfloat (evaluate_number (web_view, "document.getElementById('data').naturalWidth"), ==, 1);
      background = evaluate_string (web_view, "getComputedStyle(document.body).backgroundColor");
      g_test_message ("background: %s", background);
      g_assert_cmpstr (background, !=, "rgb(255, 0, 0)");
      frame = evaluate_string (web_view,
                               "(function () { var f = document.getElementById('frame');"
                               " try { var d = f.contentDocument; return d && d.documentElement ? d.documentElement.outerHTML : '(no document)'; }"
                               " catch (e) { return 'inaccessible: ' + e; } })()");
      g_test_message ("frame: %s", frame);
      g_assert_null (strstr (frame, "FILE-MARKER"));

      /* Clicking the link goes nowhere (WebKit does not even ask: a page
       * from about:blank may not open local files). */
      blocked = herald_template_preview_get_blocked (preview);
      g_free (evaluate_string (web_view, "document.getElementById('link').click(); 'clicked'"));
      herald_test_spin (500);
      g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "about:blank");
      g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "files");
      g_test_message ("navigations refused by the preview: %u", herald_template_preview_get_blocked (preview) - blocked);
    }
  g_signal_handler_disconnect (web_view, handler);

  for (guint i = 0; i < requests->len; i++)
    {
      g_test_message ("resource load: %s", (char *) requests->pdata[i]);
      g_assert_false (g_str_has_prefix (requests->pdata[i], "file:"));
    }
  herald_template_preview_set_allow_remote (preview, FALSE);

  g_unlink (image);
  g_unlink (css);
  g_unlink (page);
  g_rmdir (dir);
}

static gboolean
open_link_cb (HeraldTemplatePreview *preview,
              const char            *uri,
              gpointer               user_data)
{
  g_ptr_array_add (user_data, g_strdup (uri));
  /* Handled: no browser is started in the test. */
  return TRUE;
}

static void
click (WebKitWebView *web_view,
       const char    *id,
       const char    *modifiers)
{
  g_autofree char *script = g_strdup_printf ("document.getElementById('%s').dispatchEvent("
                                             "new MouseEvent('click', { bubbles: true, cancelable: true, view: window%s%s })); 'ok'",
                                             id, *modifiers ? ", " : "", modifiers);

  g_free (evaluate_string (web_view, script));
  herald_test_spin (400);
}

#ifdef GDK_WINDOWING_X11
/* A real click, through the X server (XTEST), with @key held: WebKit takes
 * modifiers only from real input, not from events a script dispatches. */
static gboolean
real_click (GtkWindow     *window,
            WebKitWebView *web_view,
            const char    *id,
            const char    *key)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *script = g_strdup_printf ("(function () { var r = document.getElementById('%s').getBoundingClientRect();"
                                             " return Math.round (r.left + r.width / 2) + ' ' + Math.round (r.top + r.height / 2); })()",
                                             id);
  g_autofree char *where = NULL;
  g_autofree char *x = NULL, *y = NULL, *xid = NULL;
  g_auto(GStrv) parts = NULL;
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), point;
  double sx, sy;
  int status = -1;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;
  where = evaluate_string (web_view, script);
  parts = g_strsplit (where, " ", 2);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (web_view), GTK_WIDGET (window), &origin, &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  x = g_strdup_printf ("%d", (int) (sx + point.x + g_ascii_strtod (parts[0], NULL)));
  y = g_strdup_printf ("%d", (int) (sy + point.y + g_ascii_strtod (parts[1], NULL)));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    /* "mousemove --sync" waits for the pointer to move: when it is
     * already there (the same link twice), it waits for its timeout.  So
     * step off the spot first. */
    const char *argv[] = { xdotool, "mousemove", "--window", xid, "1", "1",
                           "mousemove", "--sync", "--window", xid, x, y,
                           "keydown", key != NULL ? key : "shift", "click", "1",
                           "keyup", key != NULL ? key : "shift", NULL };
    g_autoptr(GError) error = NULL;

    /* Without a key, just the click. */
    if (key == NULL)
      {
        argv[12] = "click";
        argv[13] = "1";
        argv[14] = NULL;
      }
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  herald_test_spin (500);
  return status == 0;
}
#endif

/* A click never navigates the preview; Ctrl+click on an http(s) or mailto
 * link hands it to the browser (the open-link signal), nothing else does. */
static void
test_preview_links (Fixture       *fixture,
                    gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  TitleIs title = { web_view, "links" };
  const struct {
    const char *id;
    const char *modifiers;
    const char *opens;
  } clicks[] = {
    /* Clicks a script dispatches (the page cannot, its scripts are off):
     * WebKit gives them no modifiers, so none opens anything. */
    { "web", "", NULL },
    { "web", "ctrlKey: true", NULL },
    { "web", "shiftKey: true", NULL },
    { "mail", "ctrlKey: true", NULL },
    { "js", "", NULL },
    { "ftp", "", NULL },
    { "blank", "", NULL },
  };
  guint loads;
  gulong handler;

  load_and_wait (editor, NULL);
  loads = herald_template_preview_get_loads_finished (preview);
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<html><head><title>links</title></head><body>"
              "<a id=\"web\" href=\"https://example.com/x\">web</a> "
              "<a id=\"mail\" href=\"mailto:info@example.com\">mail</a> "
              "<a id=\"js\" href=\"javascript:document.title='js ran'\">js</a> "
              "<a id=\"ftp\" href=\"ftp://example.com/f\">ftp</a> "
              "<a id=\"blank\" target=\"_blank\" href=\"https://example.com/new\">new window</a>"
              "</body></html>");
  herald_template_editor_refresh_now (editor);
  wait_for_load (preview, loads);
  g_assert_true (herald_test_wait_until (title_is_cb, &title, 10000));
  handler = g_signal_connect (preview, "open-link", G_CALLBACK (open_link_cb), opened);

  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      guint blocked = herald_template_preview_get_blocked (preview);
      guint n_opened = opened->len;

      click (web_view, clicks[i].id, clicks[i].modifiers);
      g_test_message ("%s %s: blocked %u → %u, opened %s", clicks[i].id, clicks[i].modifiers,
                      blocked, herald_template_preview_get_blocked (preview),
                      opened->len > n_opened ? (char *) opened->pdata[opened->len - 1] : "nothing");
      /* Never a navigation, never a script; a javascript: URL is not even
       * asked for (scripts are off). */
      g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "about:blank");
      g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "links");
      if (!g_str_equal (clicks[i].id, "js"))
        g_assert_cmpuint (herald_template_preview_get_blocked (preview), >, blocked);
      if (clicks[i].opens != NULL)
        {
          g_assert_cmpuint (opened->len, ==, n_opened + 1);
          g_assert_cmpstr (opened->pdata[opened->len - 1], ==, clicks[i].opens);
        }
      else
        g_assert_cmpuint (opened->len, ==, n_opened);
    }

  /* The same with real clicks, where the X server can deliver them. */
#ifdef GDK_WINDOWING_X11
  {
    const struct {
      const char *id;
      const char *key;
      const char *opens;
    } real[] = {
      { "web", NULL, NULL },
      { "web", "ctrl", "https://example.com/x" },
      { "web", "shift", NULL },
      { "js", "ctrl", NULL },
      { "mail", "ctrl", "mailto:info@example.com" },
      { "ftp", "ctrl", NULL },
      { "blank", NULL, NULL },
      { "blank", "ctrl", "https://example.com/new" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (real); i++)
      {
        guint blocked = herald_template_preview_get_blocked (preview);
        guint n_opened = opened->len;

        if (!real_click (fixture->window, web_view, real[i].id, real[i].key))
          {
            g_test_message ("no X server or xdotool: real clicks not tested");
            break;
          }
        g_test_message ("real click on %s with %s: blocked %u → %u, opened %s", real[i].id,
                        real[i].key != NULL ? real[i].key : "no key",
                        blocked, herald_template_preview_get_blocked (preview),
                        opened->len > n_opened ? (char *) opened->pdata[opened->len - 1] : "nothing");
        g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, "about:blank");
        g_assert_cmpstr (webkit_web_view_get_title (web_view), ==, "links");
        if (!g_str_equal (real[i].id, "js"))
          g_assert_cmpuint (herald_template_preview_get_blocked (preview), >, blocked);
        if (real[i].opens != NULL)
          {
            g_assert_cmpuint (opened->len, ==, n_opened + 1);
            g_assert_cmpstr (opened->pdata[opened->len - 1], ==, real[i].opens);
          }
        else
          g_assert_cmpuint (opened->len, ==, n_opened);
      }
  }
#endif
  g_signal_handler_disconnect (preview, handler);
}

/* Allowing remote content is remembered for the template. */
static void
test_preview_remote_persists (Fixture       *fixture,
                              gconstpointer  data)
{
  HeraldStore *store = herald_application_get_store (app);
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  GtkCheckButton *remote = GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor), HERALD_TYPE_TEMPLATE_EDITOR,
                                                                            "remote_check"));
  g_autoptr(HeraldTemplate) template = herald_template_new ();
  g_autoptr(HeraldTemplate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  const char *id;
  GtkWindow *window;
  HeraldTemplateEditor *other;

  herald_template_set_name (template, "Remote images");
  herald_template_set_body_html (template, "<p><img src=\"https://example.com/logo.png\" alt=\"Logo\"></p>");
  herald_store_save (store, HERALD_RECORD (template), &error);
  g_assert_no_error (error);
  id = herald_record_get_id (HERALD_RECORD (template));

  herald_template_editor_load (editor, template);
  g_assert_false (gtk_check_button_get_active (remote));
  g_assert_false (herald_template_preview_get_allow_remote (preview));
  gtk_check_button_set_active (remote, TRUE);
  g_assert_true (herald_template_preview_get_allow_remote (preview));
  /* Stored at once, without saving the template, and not as a change. */
  g_assert_false (herald_template_editor_get_modified (editor));
  key = g_strconcat (HERALD_TEMPLATE_EDITOR_REMOTE_CONTENT_KEY, id, NULL);
  value = herald_store_get_meta (store, key, NULL);
  g_assert_cmpstr (value, ==, "1");

  /* Another template: off; this one again, read from the store: on. */
  herald_template_editor_load (editor, NULL);
  g_assert_false (gtk_check_button_get_active (remote));
  g_assert_false (herald_template_preview_get_allow_remote (preview));
  again = herald_store_get_template (store, id, &error);
  g_assert_no_error (error);
  herald_template_editor_load (editor, again);
  g_assert_true (gtk_check_button_get_active (remote));
  g_assert_true (herald_template_preview_get_allow_remote (preview));

  /* In a new editor too. */
  window = GTK_WINDOW (gtk_window_new ());
  other = HERALD_TEMPLATE_EDITOR (herald_template_editor_new ());
  gtk_window_set_child (window, GTK_WIDGET (other));
  herald_template_editor_set_store (other, store);
  herald_template_editor_load (other, again);
  g_assert_true (herald_template_preview_get_allow_remote (herald_template_editor_get_preview (other)));
  gtk_window_destroy (window);

  /* Turned off, it stays off. */
  gtk_check_button_set_active (remote, FALSE);
  herald_template_editor_load (editor, NULL);
  herald_template_editor_load (editor, again);
  g_assert_false (gtk_check_button_get_active (remote));
  g_clear_pointer (&value, g_free);
  value = herald_store_get_meta (store, key, NULL);
  g_assert_cmpstr (value, ==, "0");
}

/* The preview shows a store contact's own values: name, e-mail and custom
 * attributes, escaped; the variables' defaults stand in for what a contact
 * lacks, and are all there is with "Variable Defaults". */
static void
test_preview_store_contact (Fixture       *fixture,
                            gconstpointer  data)
{
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  WebKitWebView *web_view = herald_template_preview_get_web_view (preview);
  TitleIs title = { web_view, "Aaron" };
  const char *ids[] = { "name", "first", "email", "city", "tier", "plan" };
  const char *contact_values[] = { "Aaron Abendroth", "Aaron", "aaron@example.org", "Łódź", "Gold <VIP>", "Basis" };
  const char *default_values[] = { "", "Kundin", "", "Ihrer Stadt", "", "Basis" };
  g_autofree char *markup = NULL;
  guint loads;

  ensure_test_contact ();
  load_and_wait (editor, NULL);
  herald_variables_editor_set_json (herald_template_editor_get_variables_editor (editor),
                                    "{\"city\": \"Ihrer Stadt\", \"plan\": \"Basis\"}", NULL);
  select_sample (editor, TEST_CONTACT_NAME);
  loads = herald_template_preview_get_loads_finished (preview);
  set_buffer (herald_template_editor_get_html_buffer (editor),
              "<html><head><title>{{ first_name | default: \"Gast\" }}</title></head><body>"
              "<p id=\"name\">{{ name }}</p><p id=\"first\">{{ first_name | default: \"Kundin\" }}</p>"
              "<p id=\"email\">{{ email }}</p><p id=\"city\">{{ city }}</p>"
              "<p id=\"tier\">{{ tier }}</p><p id=\"plan\">{{ plan }}</p></body></html>");
  herald_template_editor_refresh_now (editor);
  wait_for_load (preview, loads);
  g_assert_true (herald_test_wait_until (title_is_cb, &title, 10000));

  for (guint round = 0; round < 2; round++)
    {
      const char **expected = round == 0 ? contact_values : default_values;

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autofree char *script = g_strdup_printf ("document.getElementById('%s').textContent", ids[i]);
          g_autofree char *text = evaluate_string (web_view, script);

          g_test_message ("%s: %s", ids[i], text);
          g_assert_cmpstr (text, ==, expected[i]);
        }
      if (round == 0)
        {
          /* The attribute's markup arrived as text, not as an element. */
          markup = evaluate_string (web_view, "document.getElementById('tier').innerHTML");
          g_assert_cmpstr (markup, ==, "Gold &lt;VIP&gt;");

          /* Now the variables' defaults alone. */
          loads = herald_template_preview_get_loads_finished (preview);
          herald_template_editor_set_sample_contact (editor, 0);
          herald_template_editor_refresh_now (editor);
          wait_for_load (preview, loads);
          title.title = "Gast";
          g_assert_true (herald_test_wait_until (title_is_cb, &title, 10000));
        }
    }
}

/* Screenshots */

static void
save_web_snapshot_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  EvalResult *eval = user_data;
  g_autoptr(GdkTexture) texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &eval->error);

  if (texture != NULL)
    {
      g_autofree char *path = g_object_get_data (G_OBJECT (source), "snapshot-path");

      gdk_texture_save_to_png (texture, path);
    }
  eval->done = TRUE;
}

static void
snapshot_web_view (WebKitWebView *web_view,
                   const char    *name)
{
  const char *root = g_getenv ("MESON_BUILD_ROOT");
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *dir = g_build_filename (root != NULL ? root : ".", "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang != NULL && *lang != '\0' ? lang : "en");
  EvalResult eval = { 0 };

  g_mkdir_with_parents (dir, 0755);
  g_object_set_data (G_OBJECT (web_view), "snapshot-path", g_build_filename (dir, file, NULL));
  webkit_web_view_get_snapshot (web_view, WEBKIT_SNAPSHOT_REGION_VISIBLE, WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                NULL, save_web_snapshot_cb, &eval);
  g_assert_true (herald_test_wait_until (eval_done_cb, &eval, 10000));
  g_assert_no_error (eval.error);
}

static void
test_editor_screenshots (Fixture       *fixture,
                         gconstpointer  data)
{
  HeraldStore *store = herald_application_get_store (app);
  HeraldTemplateEditor *editor = fixture->editor;
  HeraldTemplatePreview *preview = herald_template_editor_get_preview (editor);
  g_autoptr(GPtrArray) templates = herald_store_list_templates (store, HERALD_TEMPLATE_TYPE_EMAIL, NULL, NULL);
  g_autofree char *shot = NULL;
  guint loads;

  g_assert_nonnull (templates);
  g_assert_cmpuint (templates->len, >, 0);
  herald_template_editor_set_store (editor, NULL);
  herald_template_editor_set_store (editor, store);
  load_and_wait (editor, g_ptr_array_index (templates, 0));
  /* The web process has painted once the snapshot of the page is done;
   * then give GTK a few frames to show it. */
  snapshot_web_view (herald_template_preview_get_web_view (preview), "template-preview-desktop");
  herald_test_spin (500);
  shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-desktop");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  loads = herald_template_preview_get_loads_finished (preview);
  herald_template_preview_set_mobile (preview, TRUE);
  herald_template_preview_set_html (preview, NULL);
  herald_template_editor_refresh_now (editor);
  wait_for_load (preview, loads);
  snapshot_web_view (herald_template_preview_get_web_view (preview), "template-preview-mobile");
  herald_test_spin (500);
  g_clear_pointer (&shot, g_free);
  shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-mobile");
  g_assert_true (g_file_test (shot, G_FILE_TEST_EXISTS));

  templates = (g_ptr_array_unref (templates), herald_store_list_templates (store, HERALD_TEMPLATE_TYPE_SMS, NULL, NULL));
  if (templates->len > 0)
    {
      herald_template_editor_load (editor, g_ptr_array_index (templates, 0));
      herald_test_spin (200);
      g_clear_pointer (&shot, g_free);
      shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-sms");
    }
  templates = (g_ptr_array_unref (templates), herald_store_list_templates (store, HERALD_TEMPLATE_TYPE_PUSH, NULL, NULL));
  if (templates->len > 0)
    {
      herald_template_editor_load (editor, g_ptr_array_index (templates, 0));
      herald_test_spin (200);
      g_clear_pointer (&shot, g_free);
      shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-push");
    }

  /* Dark background, images off. */
  templates = (g_ptr_array_unref (templates), herald_store_list_templates (store, HERALD_TEMPLATE_TYPE_EMAIL, NULL, NULL));
  load_and_wait (editor, g_ptr_array_index (templates, templates->len - 1));
  loads = herald_template_preview_get_loads_finished (preview);
  herald_template_preview_set_dark (preview, TRUE);
  wait_for_load (preview, loads);
  snapshot_web_view (herald_template_preview_get_web_view (preview), "template-preview-dark");
  herald_test_spin (500);
  g_clear_pointer (&shot, g_free);
  shot = herald_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-dark");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  herald_test_gui_init (&argc, &argv);

  app = herald_test_app_new (TRUE);

  g_test_add ("/herald/templates/editor/round-trip", Fixture, NULL,
              fixture_set_up, test_editor_round_trip, fixture_tear_down);
  g_test_add ("/herald/templates/editor/unsaved-changes", Fixture, NULL,
              fixture_set_up, test_editor_unsaved_changes, fixture_tear_down);
  g_test_add_func ("/herald/templates/editor/close-window", test_editor_close_window);
  g_test_add_func ("/herald/templates/variables/json", test_variables_json);
  g_test_add ("/herald/templates/editor/unknown-variables", Fixture, NULL,
              fixture_set_up, test_editor_unknown_variables, fixture_tear_down);
  g_test_add ("/herald/templates/editor/completion", Fixture, NULL,
              fixture_set_up, test_editor_completion, fixture_tear_down);
  g_test_add ("/herald/templates/editor/known-variables", Fixture, NULL,
              fixture_set_up, test_editor_known_variables, fixture_tear_down);
  g_test_add ("/herald/templates/editor/lint-panel", Fixture, NULL,
              fixture_set_up, test_editor_lint_panel, fixture_tear_down);
  g_test_add ("/herald/templates/editor/sms-counter", Fixture, NULL,
              fixture_set_up, test_editor_sms_counter, fixture_tear_down);
  g_test_add ("/herald/templates/editor/sms-ucs2-source", Fixture, NULL,
              fixture_set_up, test_editor_sms_ucs2_source, fixture_tear_down);
  g_test_add ("/herald/templates/editor/generate-text", Fixture, NULL,
              fixture_set_up, test_editor_generate_text, fixture_tear_down);
  g_test_add ("/herald/templates/editor/search-replace", Fixture, NULL,
              fixture_set_up, test_editor_search_replace, fixture_tear_down);
  g_test_add ("/herald/templates/editor/search-focused", Fixture, NULL,
              fixture_set_up, test_editor_search_focused, fixture_tear_down);
  g_test_add ("/herald/templates/editor/preheader-finding", Fixture, NULL,
              fixture_set_up, test_editor_preheader_finding, fixture_tear_down);
  g_test_add ("/herald/templates/preview/inbox-line", Fixture, NULL,
              fixture_set_up, test_preview_inbox_line, fixture_tear_down);
  g_test_add ("/herald/templates/preview/coalesces", Fixture, NULL,
              fixture_set_up, test_preview_coalesces, fixture_tear_down);
  g_test_add_func ("/herald/templates/preview/options", test_preview_options);
  g_test_add ("/herald/templates/preview/sample-values", Fixture, NULL,
              fixture_set_up, test_preview_sample_values, fixture_tear_down);
  g_test_add ("/herald/templates/preview/hostile", Fixture, NULL,
              fixture_set_up, test_preview_hostile, fixture_tear_down);
  g_test_add ("/herald/templates/preview/scroll-kept", Fixture, NULL,
              fixture_set_up, test_preview_scroll_kept, fixture_tear_down);
  g_test_add ("/herald/templates/preview/store-contact", Fixture, NULL,
              fixture_set_up, test_preview_store_contact, fixture_tear_down);
  g_test_add ("/herald/templates/preview/no-files", Fixture, NULL,
              fixture_set_up, test_preview_no_files, fixture_tear_down);
  g_test_add ("/herald/templates/preview/links", Fixture, NULL,
              fixture_set_up, test_preview_links, fixture_tear_down);
  g_test_add ("/herald/templates/preview/remote-persists", Fixture, NULL,
              fixture_set_up, test_preview_remote_persists, fixture_tear_down);
  g_test_add ("/herald/templates/editor/screenshots", Fixture, NULL,
              fixture_set_up, test_editor_screenshots, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
