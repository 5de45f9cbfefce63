/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-template-editor.c: editing one template, with a live preview,
 * the lint findings and, for SMS and push, the length counters.
 *
 * Every change restarts a 300 ms timer; when it fires the template is
 * rendered with the same renderer that sending uses (herald_render) for
 * the chosen sample contact, linted, and unknown variables are underlined. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-dialogs.h"
#include "herald-template-editor.h"

#define SAMPLE_UNSUBSCRIBE_URL "https://example.com/unsubscribe"
/* The pause in typing, in ms, after which an e-mail is checked. */
#define CHECKS_DELAY 250
#define MAX_SAMPLE_CONTACTS 50

struct _HeraldTemplateEditor
{
  AdwBin                 parent_instance;

  HeraldStore           *store;
  HeraldTemplate        *template;
  GPtrArray             *contacts;
  GStrv                  attribute_names;

  GtkLabel              *title_label;
  GtkWidget             *generate_button;
  AdwEntryRow           *name_row;
  AdwComboRow           *type_row;
  AdwEntryRow           *subject_row;
  AdwEntryRow           *preheader_row;
  GtkStack              *editor_stack;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkLabel              *search_count_label;
  GtkWidget             *replace_box;
  GtkEntry              *replace_entry;
  GtkSourceView         *html_view;
  GtkSourceView         *text_view;
  GtkLabel              *counter_label;
  GtkLabel              *ucs2_label;
  HeraldVariablesEditor *variables_editor;
  GtkDropDown           *contact_dropdown;
  GtkWidget             *preview_options;
  GtkToggleButton       *mobile_button;
  GtkToggleButton       *images_button;
  GtkCheckButton        *dark_check;
  GtkCheckButton        *remote_check;
  GtkStack              *preview_stack;
  HeraldTemplatePreview *preview;
  GtkWidget             *phone_header;
  GtkLabel              *phone_title;
  GtkLabel              *phone_body;
  GtkTextView           *preview_text;
  HeraldLintPanel       *lint_panel;

  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext *html_search;
  GtkSourceSearchContext *text_search;
  /* Where Find and Replace work: the source view that had the focus last. */
  GtkSourceView         *search_view;
  HeraldVariableCompletion *completion;
  guint                  refresh_id;
  gboolean               refresh_is_idle;
  /* Counts edits, so that a check of an older text is not applied. */
  guint                  generation;
  GCancellable          *cancellable;
  /* Checks that wait for the preview to finish loading. */
  gpointer               waiting_checks;
  guint                  checks_timeout_id;
  gboolean               checks_paused;
  GtkWindow             *window;
  gulong                 close_request_id;
  gboolean               close_window_after;
  guint                  n_unknown;
  gboolean               modified;
  gboolean               loading;
};

G_DEFINE_FINAL_TYPE (HeraldTemplateEditor, herald_template_editor, ADW_TYPE_BIN)

enum {
  CLOSED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
html_buffer (HeraldTemplateEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->html_view));
}

static GtkTextBuffer *
text_buffer (HeraldTemplateEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static char *
buffer_dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
buffer_set_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  GtkTextIter start;

  /* Loading is not an edit the user could undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static HeraldTemplateType
current_type (HeraldTemplateEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected <= HERALD_TEMPLATE_TYPE_PUSH ? (HeraldTemplateType) selected : HERALD_TEMPLATE_TYPE_EMAIL;
}

static void
update_title (HeraldTemplateEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *title = NULL;

  if (*name == '\0')
    name = _("New Template");
  title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_label_set_label (self->title_label, title);
}

/* Sample values */

static HeraldRenderScope *
build_scope (HeraldTemplateEditor *self)
{
  HeraldRenderScope *scope = herald_render_scope_new ();
  g_autofree char *variables = herald_variables_editor_dup_json (self->variables_editor);
  guint selected = gtk_drop_down_get_selected (self->contact_dropdown);

  /* The template's defaults; the sample contacts' attribute names are
   * known too (without a value), so that a contact who lacks one gets
   * nothing there, as when sending, not the tag as an unknown name. */
  {
    g_autoptr(JsonNode) defaults = json_from_string (variables, NULL);

    if (defaults != NULL && JSON_NODE_HOLDS_OBJECT (defaults) && self->attribute_names != NULL)
      {
        JsonObject *object = json_node_get_object (defaults);

        for (guint i = 0; self->attribute_names[i] != NULL; i++)
          if (!json_object_has_member (object, self->attribute_names[i]))
            json_object_set_object_member (object, self->attribute_names[i], json_object_new ());
      }
    herald_render_scope_set_defaults (scope, defaults);
  }
  herald_render_scope_set_value (scope, "unsubscribe_url", SAMPLE_UNSUBSCRIBE_URL);

  /* Item 0 is "variable defaults only". */
  if (self->contacts != NULL && selected != GTK_INVALID_LIST_POSITION
      && selected > 0 && selected <= self->contacts->len)
    {
      HeraldContact *contact = g_ptr_array_index (self->contacts, selected - 1);
      const char *attributes = herald_contact_get_attributes (contact);
      const char *name = herald_contact_get_name (contact);
      g_autoptr(JsonNode) node = NULL;
      g_auto(GStrv) parts = NULL;

      /* Contacts store one display name; the sample splits it at the
       * first space into first and last name. */
      if (name != NULL)
        parts = g_strsplit (name, " ", 2);

      if (attributes != NULL && *attributes != '\0')
        node = json_from_string (attributes, NULL);
      herald_render_scope_set_contact (scope, name,
                                       parts != NULL && parts[0] != NULL ? parts[0] : NULL,
                                       parts != NULL && parts[0] != NULL ? parts[1] : NULL,
                                       herald_contact_get_email (contact),
                                       herald_contact_get_phone (contact),
                                       node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                                         ? json_node_get_object (node) : NULL);
    }

  return scope;
}

/* The variables the editor and its checks take as known, besides the
 * standard ones: the template's own and the attribute names of the sample
 * contacts.  The same list serves the underlines, the Checks tab and the
 * completion, whichever sample contact is chosen. */
static GStrv
dup_known_names (HeraldTemplateEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) table = herald_variables_editor_dup_names (self->variables_editor);

  g_strv_builder_addv (builder, (const char **) table);
  if (self->attribute_names != NULL)
    for (guint i = 0; self->attribute_names[i] != NULL; i++)
      if (!g_strv_contains ((const char * const *) table, self->attribute_names[i]))
        g_strv_builder_add (builder, self->attribute_names[i]);
  return g_strv_builder_end (builder);
}

static GStrv
collect_attribute_names (GPtrArray *contacts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const char *attributes = herald_contact_get_attributes (g_ptr_array_index (contacts, i));
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GList) members = NULL;

      if (attributes == NULL || *attributes == '\0')
        continue;
      node = json_from_string (attributes, NULL);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      members = json_object_get_members (json_node_get_object (node));
      for (GList *l = members; l != NULL; l = l->next)
        if (g_hash_table_add (seen, g_strdup (l->data)))
          g_strv_builder_add (builder, l->data);
    }
  return g_strv_builder_end (builder);
}

static char *
render_part (const char        *source,
             HeraldRenderScope *scope,
             HeraldOutputKind   kind,
             GPtrArray        **issues,
             char             **error_message)
{
  g_autoptr(GError) error = NULL;
  char *out;

  out = herald_render (source != NULL ? source : "", -1, scope, kind,
                       HERALD_RENDER_KEEP_UNKNOWN, issues, &error);
  if (out == NULL && error_message != NULL && *error_message == NULL)
    *error_message = g_strdup (error->message);

  return out;
}

/* What an inbox shows after the subject when there is no preheader: the
 * start of the message's text (from the HTML, as Gmail and Apple Mail do;
 * else the text part), on one line. */
static char *
inbox_snippet (const char *text,
               const char *html)
{
  g_autofree char *from_html = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  const char *source = text;
  gboolean space = FALSE;

  if (html != NULL && *html != '\0')
    {
      /* Only the start is shown; 20 KB of HTML is plenty for it. */
      gsize n = MIN (strlen (html), 20 * 1024);

      while (n > 0 && html[n] != '\0' && ((guchar) html[n] & 0xC0) == 0x80)
        n--;
      from_html = herald_html_to_text (html, n, HERALD_HTML_TEXT_NONE);
      if (from_html != NULL && *from_html != '\0')
        source = from_html;
    }
  for (const char *p = source; p != NULL && *p != '\0' && line->len < 200; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      /* The text conversion writes links as “text (url)”; an inbox shows
       * only the text. */
      if (from_html != NULL && source == from_html && ch == '('
          && (g_str_has_prefix (p + 1, "http://") || g_str_has_prefix (p + 1, "https://")
              || g_str_has_prefix (p + 1, "mailto:") || g_str_has_prefix (p + 1, "{{")))
        {
          const char *close = strchr (p, ')');

          if (close != NULL)
            {
              p = close;
              space = FALSE;
              continue;
            }
        }

      if (g_unichar_isspace (ch))
        space = line->len > 0;
      else
        {
          if (space)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, ch);
        }
    }
  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

/* Underlines */

static guint
mark_issues (GtkTextBuffer *buffer,
             const char    *source,
             GPtrArray     *issues)
{
  GtkTextIter start, end;
  guint n = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "unknown-variable", &start, &end);
  if (issues == NULL)
    return 0;

  for (guint i = 0; i < issues->len; i++)
    {
      HeraldRenderIssue *issue = g_ptr_array_index (issues, i);
      glong chars;

      if (issue->kind != HERALD_RENDER_ISSUE_UNKNOWN_VARIABLE
          && issue->kind != HERALD_RENDER_ISSUE_SYNTAX)
        continue;
      if (issue->line == 0 || issue->column == 0)
        continue;
      if (!gtk_text_buffer_get_iter_at_line_offset (buffer, &start, issue->line - 1, issue->column - 1))
        continue;
      chars = issue->length > 0 && issue->offset + issue->length <= strlen (source)
        ? g_utf8_strlen (source + issue->offset, issue->length) : 2;
      end = start;
      gtk_text_iter_forward_chars (&end, chars);
      gtk_text_buffer_apply_tag_by_name (buffer, "unknown-variable", &start, &end);
      n++;
    }

  return n;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Appends @ch to @list unless it is there already. */
static void
append_character (GString  *list,
                  gunichar  ch)
{
  char utf8[7] = { 0 };

  g_unichar_to_utf8 (ch, utf8);
  if (strstr (list->str, utf8) != NULL)
    return;
  /* No-break spaces: a group of characters stays on one line. */
  if (list->len > 0)
    g_string_append (list, "\u00a0");
  g_string_append (list, utf8);
}

/* Highlights, in the SMS source, the characters that force UCS-2.  @count
 * is of the rendered SMS and @spans map its bytes back to @source: a
 * character of the template's own text is highlighted where it is written,
 * a character that a value brings in (a contact called “Paweł”) highlights
 * the whole tag, and the message names the tag. */
static void
mark_ucs2 (HeraldTemplateEditor *self,
           const char           *source,
           HeraldSmsCount       *count,
           GArray               *spans)
{
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start, end;
  g_autoptr(GString) literal = g_string_new (NULL);
  g_autoptr(GString) message = g_string_new (NULL);
  /* Tag source text → the characters its value brings in, in order. */
  g_autoptr(GHashTable) from_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (string_free);
  gsize last_byte = 0;
  glong last_char = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "ucs2", &start, &end);
  if (count == NULL || count->ucs2_characters == NULL || count->ucs2_characters->len == 0
      || source == NULL || spans == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->ucs2_label), FALSE);
      return;
    }

  for (guint i = 0; i < count->ucs2_characters->len; i++)
    {
      HeraldSmsCharacter *ch = &g_array_index (count->ucs2_characters, HeraldSmsCharacter, i);
      const HeraldRenderSpan *span = herald_render_spans_find (spans, ch->offset);
      gsize from, to;
      glong from_char, to_char;

      if (span == NULL)
        continue;
      if (span->tag)
        {
          from = span->source_offset;
          to = span->source_offset + span->source_length;
        }
      else
        {
          from = span->source_offset + (ch->offset - span->output_offset);
          to = g_utf8_next_char (source + from) - source;
        }

      /* Offsets grow with the output, so the characters are counted on
       * from the last one, not from the start each time. */
      from_char = last_char + g_utf8_pointer_to_offset (source + last_byte, source + from);
      to_char = from_char + g_utf8_pointer_to_offset (source + from, source + to);
      last_byte = from;
      last_char = from_char;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, from_char);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, to_char);
      gtk_text_buffer_apply_tag_by_name (buffer, "ucs2", &start, &end);

      if (span->tag)
        {
          g_autofree char *tag = g_strndup (source + span->source_offset, span->source_length);
          gpointer index;

          if (!g_hash_table_lookup_extended (from_tags, tag, NULL, &index))
            {
              index = GUINT_TO_POINTER (tags->len);
              g_ptr_array_add (tags, g_strdup (tag));
              g_ptr_array_add (lists, g_string_new (NULL));
              g_hash_table_insert (from_tags, g_steal_pointer (&tag), index);
            }
          append_character (g_ptr_array_index (lists, GPOINTER_TO_UINT (index)), ch->character);
        }
      else
        append_character (literal, ch->character);
    }

  g_string_append (message, literal->str);
  for (guint i = 0; i < tags->len; i++)
    {
      GString *list = g_ptr_array_index (lists, i);
      g_autofree char *item = NULL;

      /* Translators: characters that a variable's value brings into an SMS,
       * “ł ó (from {{ first_name }})” */
      item = g_strdup_printf (_("%s (from %s)"), list->str, (char *) g_ptr_array_index (tags, i));
      if (message->len > 0)
        g_string_append (message, ", ");
      g_string_append (message, item);
    }

  {
    /* Translators: %s is a list of characters such as “ä € 😀” */
    g_autofree char *label = g_strdup_printf (_("These characters need UCS-2, which fits fewer characters per SMS: %s"),
                                              message->str);

    gtk_label_set_label (self->ucs2_label, label);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->ucs2_label), TRUE);
}

/* Counts the SMS as this sample contact gets it and points out, in the
 * source, what forces UCS-2. */
static void
update_sms_counter (HeraldTemplateEditor *self,
                    const char           *source,
                    HeraldRenderScope    *scope)
{
  g_autoptr(HeraldParsedTemplate) parsed = herald_parsed_template_new_lenient (source, -1, NULL);
  g_autoptr(GArray) spans = NULL;
  g_autofree char *rendered = herald_parsed_template_render_mapped (parsed, scope, HERALD_OUTPUT_SMS,
                                                                    HERALD_RENDER_KEEP_UNKNOWN,
                                                                    NULL, &spans);
  g_autoptr(HeraldSmsCount) count = herald_sms_count (rendered, -1);
  g_autofree char *characters = herald_format_count (count->characters);
  g_autofree char *chars_text = NULL;
  g_autofree char *segments_text = NULL;
  g_autofree char *label = NULL;

  chars_text = g_strdup_printf (ngettext ("%s character", "%s characters", count->characters), characters);
  segments_text = g_strdup_printf (ngettext ("%u SMS", "%u SMS", count->segments), count->segments);
  /* Translators: “120 characters · 1 SMS · GSM-7 · 40 left” */
  label = g_strdup_printf (_("%s · %s · %s · %u left"),
                           chars_text, segments_text,
                           count->encoding == HERALD_SMS_ENCODING_GSM7 ? "GSM-7" : "UCS-2",
                           count->remaining);
  gtk_label_set_label (self->counter_label, label);
  mark_ucs2 (self, source, count, spans);
}

static void
update_push_counter (HeraldTemplateEditor *self,
                     const char           *title,
                     const char           *body)
{
  g_autofree char *label = NULL;
  int title_left = herald_push_title_remaining (title);
  int body_left = herald_push_body_remaining (body);

  /* Translators: remaining characters of a push notification's title and body */
  label = g_strdup_printf (_("Title: %d of %d characters left · Body: %d of %d characters left"),
                           title_left, HERALD_PUSH_TITLE_MAX, body_left, HERALD_PUSH_BODY_MAX);
  gtk_label_set_label (self->counter_label, label);
  gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
  if (title_left < 0 || body_left < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  mark_ucs2 (self, NULL, NULL, NULL);
}

/* Refresh
 *
 * What the user waits for after typing is the preview, so a refresh first
 * renders the template and hands it to the preview (which loads it in
 * WebKit's own process), then updates the cheap parts (plain text, inbox
 * line, counters), and checks the template last: the lint and the
 * unknown-variable underlines (libxml2 over the whole HTML) run in a
 * worker thread, and their result is applied only if nothing changed in
 * the meantime (a newer refresh is on its way otherwise). */

typedef struct
{
  guint              generation;
  HeraldTemplateType type;
  char              *subject;
  char              *preheader;
  char              *html;
  char              *text;
  GStrv              known;
  /* Results. */
  GPtrArray         *findings;
  GPtrArray         *html_problems;
  GPtrArray         *text_problems;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_free (job->subject);
  g_free (job->preheader);
  g_free (job->html);
  g_free (job->text);
  g_strfreev (job->known);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
  g_clear_pointer (&job->html_problems, g_ptr_array_unref);
  g_clear_pointer (&job->text_problems, g_ptr_array_unref);
  g_free (job);
}

/* Pure libherald work: safe in any thread. */
static void
check_job_run (CheckJob *job)
{
  const char * const *known = (const char * const *) job->known;

  job->text_problems = herald_lint_find_tag_problems (job->text, known);
  switch (job->type)
    {
    case HERALD_TEMPLATE_TYPE_EMAIL:
      job->html_problems = herald_lint_find_tag_problems (job->html, known);
      job->findings = herald_lint_email (job->subject, job->preheader, job->html, job->text, known);
      break;
    case HERALD_TEMPLATE_TYPE_SMS:
      job->findings = herald_lint_sms (job->text, known);
      break;
    case HERALD_TEMPLATE_TYPE_PUSH:
    default:
      job->findings = herald_lint_push (job->subject, job->text, known);
      break;
    }
}

static void
check_job_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  check_job_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
check_job_apply (HeraldTemplateEditor *self,
                 CheckJob             *job)
{
  /* The positions are of the text that was checked: stale after an edit. */
  if (job->generation != self->generation)
    return;

  self->n_unknown = mark_issues (text_buffer (self), job->text, job->text_problems);
  if (job->html_problems != NULL)
    self->n_unknown += mark_issues (html_buffer (self), job->html, job->html_problems);
  else
    mark_issues (html_buffer (self), "", NULL);
  herald_lint_panel_set_findings (self->lint_panel, job->findings);
  gtk_stack_page_set_needs_attention (gtk_stack_get_page (self->preview_stack,
                                                          gtk_stack_get_child_by_name (self->preview_stack, "checks")),
                                      job->findings != NULL && job->findings->len > 0);
}

static void
check_job_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (source);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  check_job_apply (self, g_task_get_task_data (G_TASK (result)));
}

static void
start_checks (HeraldTemplateEditor *self,
              CheckJob             *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, check_job_done_cb, NULL);

  g_task_set_source_tag (task, start_checks);
  g_task_set_task_data (task, job, check_job_free);
  g_task_run_in_thread (task, check_job_thread);
}

/* The checks of an e-mail wait until typing has paused for CHECKS_DELAY
 * and the preview is not loading: while the user types, the two cores are
 * the preview's. */
static gboolean
start_waiting_checks_cb (gpointer user_data)
{
  HeraldTemplateEditor *self = user_data;

  if (self->waiting_checks == NULL)
    {
      self->checks_timeout_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* Loading: the load's end starts them, or the next tick. */
  if (herald_template_preview_get_busy (self->preview))
    return G_SOURCE_CONTINUE;
  self->checks_timeout_id = 0;
  start_checks (self, g_steal_pointer (&self->waiting_checks));
  return G_SOURCE_REMOVE;
}

static void
preview_load_changed_cb (WebKitWebView        *web_view,
                         WebKitLoadEvent       event,
                         HeraldTemplateEditor *self)
{
  /* Only once the pause is over (the timer ticks on while loading). */
  if (event != WEBKIT_LOAD_FINISHED || self->waiting_checks == NULL
      || !self->checks_paused || herald_template_preview_get_busy (self->preview))
    return;
  g_clear_handle_id (&self->checks_timeout_id, g_source_remove);
  start_checks (self, g_steal_pointer (&self->waiting_checks));
}

static gboolean
checks_pause_over_cb (gpointer user_data)
{
  HeraldTemplateEditor *self = user_data;

  self->checks_paused = TRUE;
  self->checks_timeout_id = 0;
  if (start_waiting_checks_cb (self) == G_SOURCE_CONTINUE)
    self->checks_timeout_id = g_timeout_add (CHECKS_DELAY, start_waiting_checks_cb, self);
  return G_SOURCE_REMOVE;
}

static void
refresh (HeraldTemplateEditor *self,
         gboolean              checks_now)
{
  g_autoptr(HeraldRenderScope) scope = build_scope (self);
  g_autofree char *subject = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  g_autofree char *preheader = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->preheader_row)));
  g_autofree char *html = buffer_dup_text (html_buffer (self));
  g_autofree char *text = buffer_dup_text (text_buffer (self));
  g_autofree char *error_message = NULL;
  g_autofree char *rendered_text = NULL;
  HeraldTemplateType type = current_type (self);
  CheckJob *job;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_is_idle = FALSE;

  /* First what the user waits for: the preview. */
  if (type == HERALD_TEMPLATE_TYPE_EMAIL)
    {
      g_autofree char *rendered_html = render_part (html, scope, HERALD_OUTPUT_HTML,
                                                    NULL, &error_message);

      if (rendered_html == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (error_message, -1);
          g_autofree char *page = g_strdup_printf ("<p style=\"font-family: sans-serif\">%s</p>", escaped);

          herald_template_preview_set_html (self->preview, page);
        }
      else
        herald_template_preview_set_html (self->preview, rendered_html);

      rendered_text = render_part (text, scope, HERALD_OUTPUT_TEXT, NULL, &error_message);
      {
        g_autofree char *rendered_subject = render_part (subject, scope, HERALD_OUTPUT_TEXT, NULL, NULL);
        g_autofree char *rendered_preheader = render_part (preheader, scope, HERALD_OUTPUT_TEXT, NULL, NULL);
        g_autofree char *snippet = NULL;

        /* Without a preheader, mail programs list the start of the text. */
        if (rendered_preheader == NULL || *g_strstrip (rendered_preheader) == '\0')
          snippet = inbox_snippet (rendered_text, rendered_html);
        herald_template_preview_set_inbox (self->preview,
                                           rendered_subject != NULL ? rendered_subject : subject,
                                           snippet != NULL ? snippet : rendered_preheader);
      }
      gtk_label_set_label (self->counter_label, "");
      mark_ucs2 (self, NULL, NULL, NULL);
    }
  else
    rendered_text = render_part (text, scope,
                                 type == HERALD_TEMPLATE_TYPE_SMS ? HERALD_OUTPUT_SMS : HERALD_OUTPUT_PUSH,
                                 NULL, &error_message);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview_text),
                            rendered_text != NULL ? rendered_text : "", -1);

  if (type == HERALD_TEMPLATE_TYPE_SMS)
    {
      gtk_label_set_label (self->phone_body, rendered_text != NULL ? rendered_text : "");
      update_sms_counter (self, text, scope);
    }
  else if (type == HERALD_TEMPLATE_TYPE_PUSH)
    {
      g_autofree char *rendered_title = render_part (subject, scope, HERALD_OUTPUT_PUSH, NULL, NULL);

      gtk_label_set_label (self->phone_title, rendered_title != NULL ? rendered_title : subject);
      gtk_label_set_label (self->phone_body, rendered_text != NULL ? rendered_text : "");
      update_push_counter (self, rendered_title != NULL ? rendered_title : subject,
                           rendered_text != NULL ? rendered_text : text);
    }

  /* Then the checks, with one list of known variables for all of them. */
  job = g_new0 (CheckJob, 1);
  job->generation = self->generation;
  job->type = type;
  job->subject = g_steal_pointer (&subject);
  job->preheader = g_steal_pointer (&preheader);
  job->html = g_steal_pointer (&html);
  job->text = g_steal_pointer (&text);
  job->known = dup_known_names (self);

  {
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_auto(GStrv) all = NULL;

    g_strv_builder_addv (names, (const char **) job->known);
    g_strv_builder_addv (names, (const char **) herald_render_standard_variables ());
    all = g_strv_builder_end (names);
    herald_variable_completion_set_names (self->completion, (const char * const *) all, NULL);
  }

  if (checks_now)
    {
      g_clear_pointer (&self->waiting_checks, check_job_free);
      check_job_run (job);
      check_job_apply (self, job);
      check_job_free (job);
    }
  else if (type == HERALD_TEMPLATE_TYPE_EMAIL)
    {
      /* libxml2 over the whole HTML, not while the user types or WebKit
       * lays out the page: two cores are all we may have. */
      g_clear_pointer (&self->waiting_checks, check_job_free);
      self->waiting_checks = job;
      self->checks_paused = FALSE;
      g_clear_handle_id (&self->checks_timeout_id, g_source_remove);
      self->checks_timeout_id = g_timeout_add (CHECKS_DELAY, checks_pause_over_cb, self);
    }
  else
    start_checks (self, job);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  HeraldTemplateEditor *self = user_data;

  self->refresh_id = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (HeraldTemplateEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_is_idle = FALSE;
  self->refresh_id = g_timeout_add (HERALD_TEMPLATE_EDITOR_REFRESH_DELAY, refresh_timeout_cb, self);
}

/* In the next main loop iteration, before GTK's redraw: rendering takes
 * 1–5 ms at 100 KB, and then WebKit loads in its own process while GTK
 * draws the typed character.  At idle priority the text view's validation
 * and GtkSourceView's highlighting of a 100 KB template kept it waiting
 * 40–600 ms after an edit. */
static void
refresh_soon (HeraldTemplateEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_timeout_cb, self, NULL);
  self->refresh_is_idle = TRUE;
}

static void
set_modified (HeraldTemplateEditor *self,
              gboolean              modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  update_title (self);
}

static void
changed (HeraldTemplateEditor *self)
{
  /* Whatever is being checked now is of an older text. */
  self->generation++;
  if (self->loading)
    return;
  set_modified (self, TRUE);
  /* The refresh about to run reads the buffer as it is by then. */
  if (self->refresh_is_idle)
    return;
  if (current_type (self) != HERALD_TEMPLATE_TYPE_EMAIL)
    {
      /* No web page to wait for: the counters follow every key. */
      refresh_soon (self);
      return;
    }

  herald_template_preview_remember_scroll (self->preview);
  /* The first change after a pause is shown at once: nothing is loading,
   * so a single edit costs one render and one load, not a quiet period
   * more.  While a page loads (typing goes on), changes wait for a short
   * quiet period and only the newest is loaded when the page is done. */
  if (self->refresh_id == 0 && !herald_template_preview_get_busy (self->preview))
    refresh_soon (self);
  else
    {
      herald_template_preview_expect_html (self->preview, HERALD_TEMPLATE_EDITOR_REFRESH_DELAY + 100);
      schedule_refresh (self);
    }
}

static void
update_for_type (HeraldTemplateEditor *self)
{
  HeraldTemplateType type = current_type (self);
  gboolean email = type == HERALD_TEMPLATE_TYPE_EMAIL;

  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), type != HERALD_TEMPLATE_TYPE_SMS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row),
                                 type == HERALD_TEMPLATE_TYPE_PUSH ? _("Title") : _("Subject"));
  gtk_widget_set_visible (GTK_WIDGET (self->preheader_row), email);
  gtk_widget_set_visible (self->generate_button, email);
  gtk_widget_set_visible (self->preview_options, email);
  gtk_stack_page_set_visible (gtk_stack_get_page (self->editor_stack,
                                                  gtk_stack_get_child_by_name (self->editor_stack, "html")),
                              email);
  gtk_stack_page_set_title (gtk_stack_get_page (self->editor_stack,
                                                gtk_stack_get_child_by_name (self->editor_stack, "text")),
                            email ? _("Text") : type == HERALD_TEMPLATE_TYPE_SMS ? _("Message") : _("Body"));
  gtk_stack_page_set_visible (gtk_stack_get_page (self->preview_stack,
                                                  gtk_stack_get_child_by_name (self->preview_stack, "html")),
                              email);
  gtk_stack_page_set_visible (gtk_stack_get_page (self->preview_stack,
                                                  gtk_stack_get_child_by_name (self->preview_stack, "text")),
                              email);
  gtk_stack_page_set_visible (gtk_stack_get_page (self->preview_stack,
                                                  gtk_stack_get_child_by_name (self->preview_stack, "phone")),
                              !email);
  gtk_widget_set_visible (GTK_WIDGET (self->phone_title), type == HERALD_TEMPLATE_TYPE_PUSH);
  gtk_widget_set_visible (self->phone_header, type == HERALD_TEMPLATE_TYPE_PUSH);
  gtk_stack_set_visible_child_name (self->editor_stack, email ? "html" : "text");
  gtk_stack_set_visible_child_name (self->preview_stack, email ? "html" : "phone");
}

/* Remote content, allowed per template: the choice is kept in the store's
 * meta table, not in the template (it is the user's, not the mail's). */

static char *
remote_content_key (HeraldTemplateEditor *self)
{
  return g_strconcat (HERALD_TEMPLATE_EDITOR_REMOTE_CONTENT_KEY,
                      herald_record_get_id (HERALD_RECORD (self->template)), NULL);
}

static gboolean
remote_content_allowed (HeraldTemplateEditor *self)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->template == NULL
      || herald_record_get_id (HERALD_RECORD (self->template)) == NULL)
    return FALSE;
  key = remote_content_key (self);
  value = herald_store_get_meta (self->store, key, &error);
  if (error != NULL)
    g_warning ("Could not read whether remote content is allowed: %s", error->message);
  return g_strcmp0 (value, "1") == 0;
}

static void
remote_toggled_cb (HeraldTemplateEditor *self)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL || self->template == NULL
      || herald_record_get_id (HERALD_RECORD (self->template)) == NULL)
    return;
  key = remote_content_key (self);
  if (!herald_store_set_meta (self->store, key,
                              gtk_check_button_get_active (self->remote_check) ? "1" : "0", &error))
    g_warning ("Could not remember whether remote content is allowed: %s", error->message);
}

/* Callbacks */

static void
field_changed_cb (HeraldTemplateEditor *self)
{
  update_title (self);
  changed (self);
}

static void
type_changed_cb (HeraldTemplateEditor *self)
{
  update_for_type (self);
  changed (self);
}

static void
variables_changed_cb (HeraldVariablesEditor *editor,
                      HeraldTemplateEditor  *self)
{
  changed (self);
}

static void
variables_insert_cb (HeraldVariablesEditor *editor,
                     const char            *name,
                     HeraldTemplateEditor  *self)
{
  herald_template_editor_insert_variable (self, name);
}

static void
sample_changed_cb (HeraldTemplateEditor *self)
{
  if (!self->loading)
    schedule_refresh (self);
}

static void
finding_activated_cb (HeraldLintPanel      *panel,
                      guint                 part,
                      guint                 line,
                      guint                 column,
                      HeraldTemplateEditor *self)
{
  GtkTextView *view;
  GtkTextIter iter;

  switch (part)
    {
    case HERALD_LINT_PART_HTML:
      view = GTK_TEXT_VIEW (self->html_view);
      gtk_stack_set_visible_child_name (self->editor_stack, "html");
      break;
    case HERALD_LINT_PART_TEXT:
    case HERALD_LINT_PART_BODY:
      view = GTK_TEXT_VIEW (self->text_view);
      gtk_stack_set_visible_child_name (self->editor_stack, "text");
      break;
    case HERALD_LINT_PART_SUBJECT:
    case HERALD_LINT_PART_TITLE:
      gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
      return;
    case HERALD_LINT_PART_PREHEADER:
      gtk_widget_grab_focus (GTK_WIDGET (self->preheader_row));
      return;
    default:
      return;
    }

  gtk_text_buffer_get_iter_at_line_offset (gtk_text_view_get_buffer (view), &iter,
                                           line > 0 ? line - 1 : 0, column > 0 ? column - 1 : 0);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (view), &iter);
  gtk_text_view_scroll_to_iter (view, &iter, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static GtkSourceSearchContext *
search_context (HeraldTemplateEditor *self)
{
  return self->search_view == self->text_view ? self->text_search : self->html_search;
}

static void
update_search_count (HeraldTemplateEditor *self)
{
  int n = gtk_source_search_context_get_occurrences_count (search_context (self));
  g_autofree char *label = NULL;

  if (n > 0)
    label = g_strdup_printf (ngettext ("%d match", "%d matches", n), n);
  gtk_label_set_label (self->search_count_label, label != NULL ? label : "");
}

static void
occurrences_changed_cb (GtkSourceSearchContext *context,
                        GParamSpec             *pspec,
                        HeraldTemplateEditor   *self)
{
  if (context == search_context (self))
    update_search_count (self);
}

/* Makes @view the one Find and Replace work in; only its matches are
 * highlighted. */
static void
set_search_view (HeraldTemplateEditor *self,
                 GtkSourceView        *view)
{
  self->search_view = view;
  gtk_source_search_context_set_highlight (self->html_search, view == self->html_view);
  gtk_source_search_context_set_highlight (self->text_search, view == self->text_view);
  update_search_count (self);
}

static void
view_focus_enter_cb (GtkEventControllerFocus *controller,
                     HeraldTemplateEditor    *self)
{
  set_search_view (self, GTK_SOURCE_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* Switching between the HTML and the text tab takes the search along. */
static void
editor_page_changed_cb (HeraldTemplateEditor *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->editor_stack);

  if (g_strcmp0 (page, "html") == 0)
    set_search_view (self, self->html_view);
  else if (g_strcmp0 (page, "text") == 0)
    set_search_view (self, self->text_view);
}

static void
search_changed_cb (GtkSearchEntry       *entry,
                   HeraldTemplateEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* One settings object drives both buffers' contexts. */
  gtk_source_search_settings_set_search_text (self->search_settings, *text != '\0' ? text : NULL);
}

static void
search_next_cb (GtkWidget            *widget,
                HeraldTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->search_view));
  GtkTextIter start, end, match_start, match_end;
  gboolean wrapped;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (gtk_source_search_context_forward (search_context (self), &end,
                                         &match_start, &match_end, &wrapped))
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->search_view), &match_start, 0.1, FALSE, 0, 0);
    }
}

static void
replace_clicked_cb (GtkButton            *button,
                    HeraldTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->search_view));
  GtkTextIter start, end;
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_source_search_context_replace (search_context (self), &start, &end, replacement, -1, NULL);
  search_next_cb (NULL, self);
}

static void
replace_all_clicked_cb (GtkButton            *button,
                        HeraldTemplateEditor *self)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  gtk_source_search_context_replace_all (search_context (self), replacement, -1, NULL);
}

/* Actions */

static void
show_search (HeraldTemplateEditor *self,
             gboolean              replace)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* In the source view being edited; from the variables tab, in the body. */
  if (focus != NULL && (focus == GTK_WIDGET (self->html_view)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->html_view))))
    set_search_view (self, self->html_view);
  else if (focus != NULL && (focus == GTK_WIDGET (self->text_view)
                             || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->text_view))))
    set_search_view (self, self->text_view);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "variables") == 0)
    gtk_stack_set_visible_child_name (self->editor_stack,
                                      current_type (self) == HERALD_TEMPLATE_TYPE_EMAIL ? "html" : "text");
  else
    editor_page_changed_cb (self);

  gtk_widget_set_visible (self->replace_box, replace);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_search (HERALD_TEMPLATE_EDITOR (widget), FALSE);
}

static void
replace_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_search (HERALD_TEMPLATE_EDITOR (widget), TRUE);
}

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!herald_template_editor_save (self, &error))
    herald_dialogs_show_error (GTK_WINDOW (gtk_widget_get_root (widget)),
                               _("Could Not Save the Template"), error->message);
}

static void
back_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  herald_template_editor_request_close (HERALD_TEMPLATE_EDITOR (widget));
}

static void
generate_text_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (widget);
  g_autofree char *html = buffer_dup_text (html_buffer (self));
  g_autofree char *text = herald_html_to_text (html, -1, HERALD_HTML_TEXT_WRAP);
  GtkTextBuffer *buffer = text_buffer (self);
  GtkTextIter start, end;

  /* One undoable step, so that Ctrl+Z brings the old text back. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text != NULL ? text : "", -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_stack_set_visible_child_name (self->editor_stack, "text");
}

static void
save_changes_cb (HeraldSaveResponse response,
                 gpointer           user_data)
{
  g_autoptr(HeraldTemplateEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  switch (response)
    {
    case HERALD_SAVE_RESPONSE_SAVE:
      if (!herald_template_editor_save (self, &error))
        {
          herald_dialogs_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     _("Could Not Save the Template"), error->message);
          return;
        }
      g_signal_emit (self, signals[CLOSED], 0);
      break;
    case HERALD_SAVE_RESPONSE_DISCARD:
      set_modified (self, FALSE);
      g_signal_emit (self, signals[CLOSED], 0);
      break;
    case HERALD_SAVE_RESPONSE_CANCEL:
    default:
      self->close_window_after = FALSE;
      return;
    }

  /* The question came from closing the window: close it now. */
  if (self->close_window_after && self->window != NULL)
    {
      self->close_window_after = FALSE;
      gtk_window_close (self->window);
    }
}

static gboolean
window_close_request_cb (GtkWindow            *window,
                         HeraldTemplateEditor *self)
{
  if (!self->modified)
    return FALSE;

  self->close_window_after = TRUE;
  herald_template_editor_request_close (self);
  return TRUE;
}

static void
herald_template_editor_root (GtkWidget *widget)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (herald_template_editor_parent_class)->root (widget);

  /* Closing the window must not lose unsaved changes either. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      self->close_request_id = g_signal_connect (root, "close-request",
                                                 G_CALLBACK (window_close_request_cb), self);
    }
}

static void
herald_template_editor_unroot (GtkWidget *widget)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->close_request_id, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (herald_template_editor_parent_class)->unroot (widget);
}

static void
herald_template_editor_dispose (GObject *object)
{
  HeraldTemplateEditor *self = HERALD_TEMPLATE_EDITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->checks_timeout_id, g_source_remove);
  g_clear_pointer (&self->waiting_checks, check_job_free);
  g_clear_object (&self->html_search);
  g_clear_object (&self->text_search);
  g_clear_object (&self->search_settings);
  g_clear_object (&self->completion);
  g_clear_object (&self->store);
  g_clear_object (&self->template);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->attribute_names, g_strfreev);

  G_OBJECT_CLASS (herald_template_editor_parent_class)->dispose (object);
}

static void
herald_template_editor_class_init (HeraldTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_template_editor_dispose;
  widget_class->root = herald_template_editor_root;
  widget_class->unroot = herald_template_editor_unroot;

  /**
   * HeraldTemplateEditor::closed:
   *
   * The editor may go away: nothing is unsaved any more.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HeraldTemplateEditor::saved:
   *
   * The template was written to the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (HERALD_TYPE_LINT_PANEL);
  g_type_ensure (HERALD_TYPE_TEMPLATE_PREVIEW);
  g_type_ensure (HERALD_TYPE_VARIABLES_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, generate_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, preheader_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, search_count_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, replace_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, html_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, counter_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, ucs2_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, variables_editor);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, contact_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, preview_options);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, mobile_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, images_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, dark_check);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, remote_check);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, phone_header);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, phone_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, phone_body);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, preview_text);
  gtk_widget_class_bind_template_child (widget_class, HeraldTemplateEditor, lint_panel);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, variables_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, variables_insert_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, replace_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.generate-text", NULL, generate_text_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.back", NULL);
}

static void
herald_template_editor_init (HeraldTemplateEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *html;
  GtkStringList *samples;

  gtk_widget_init_template (GTK_WIDGET (self));
  herald_a11y_name_drop_downs (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  html = GTK_SOURCE_BUFFER (html_buffer (self));
  gtk_source_buffer_set_language (html, gtk_source_language_manager_get_language (languages, "html"));
  gtk_source_buffer_set_highlight_matching_brackets (html, TRUE);
  gtk_text_buffer_create_tag (html_buffer (self), "unknown-variable",
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_buffer_create_tag (text_buffer (self), "unknown-variable",
                              "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_buffer_create_tag (text_buffer (self), "ucs2",
                              "background", "rgba(229,165,10,0.35)", NULL);

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->html_search = gtk_source_search_context_new (html, self->search_settings);
  self->text_search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (text_buffer (self)), self->search_settings);
  g_signal_connect_object (self->html_search, "notify::occurrences-count",
                           G_CALLBACK (occurrences_changed_cb), self, 0);
  g_signal_connect_object (self->text_search, "notify::occurrences-count",
                           G_CALLBACK (occurrences_changed_cb), self, 0);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  for (guint i = 0; i < 2; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "enter", G_CALLBACK (view_focus_enter_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (i == 0 ? self->html_view : self->text_view), focus);
    }
  g_signal_connect_object (self->editor_stack, "notify::visible-child-name",
                           G_CALLBACK (editor_page_changed_cb), self, G_CONNECT_SWAPPED);
  set_search_view (self, self->html_view);

  self->completion = herald_variable_completion_new ();
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->html_view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->text_view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));

  samples = gtk_string_list_new (NULL);
  gtk_string_list_append (samples, _("Variable Defaults"));
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (samples));
  g_object_unref (samples);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preheader_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (html_buffer (self), "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text_buffer (self), "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_dropdown, "notify::selected", G_CALLBACK (sample_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (herald_template_preview_get_web_view (self->preview), "load-changed",
                           G_CALLBACK (preview_load_changed_cb), self, 0);

  g_object_bind_property (self->mobile_button, "active", self->preview, "mobile", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->images_button, "active", self->preview, "show-images", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->dark_check, "active", self->preview, "dark", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->remote_check, "active", self->preview, "allow-remote", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->remote_check, "notify::active", G_CALLBACK (remote_toggled_cb), self, G_CONNECT_SWAPPED);

  update_title (self);
}

/**
 * herald_template_editor_new:
 *
 * Returns: a new editor; herald_template_editor_load() gives it a template.
 */
GtkWidget *
herald_template_editor_new (void)
{
  return g_object_new (HERALD_TYPE_TEMPLATE_EDITOR, NULL);
}

/**
 * herald_template_editor_set_store:
 * @self: the editor
 * @store: (nullable): where templates are saved and sample contacts read
 *
 * Sets the store and offers its first contacts as sample contacts.
 */
void
herald_template_editor_set_store (HeraldTemplateEditor *self,
                                  HeraldStore          *store)
{
  g_autoptr(GtkStringList) samples = NULL;

  g_return_if_fail (HERALD_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->loading = TRUE;
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  samples = gtk_string_list_new (NULL);
  gtk_string_list_append (samples, _("Variable Defaults"));
  if (store != NULL)
    {
      self->contacts = herald_store_list_contacts (store, NULL, NULL, MAX_SAMPLE_CONTACTS, NULL);
      for (guint i = 0; self->contacts != NULL && i < self->contacts->len; i++)
        {
          HeraldContact *contact = g_ptr_array_index (self->contacts, i);
          const char *name = herald_contact_get_name (contact);

          gtk_string_list_append (samples, name != NULL && *name != '\0'
                                  ? name : herald_contact_get_email (contact));
        }
    }
  g_strfreev (self->attribute_names);
  self->attribute_names = collect_attribute_names (self->contacts);
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (samples));
  gtk_drop_down_set_selected (self->contact_dropdown, self->contacts != NULL && self->contacts->len > 0 ? 1 : 0);
  self->loading = FALSE;
}

/**
 * herald_template_editor_load:
 * @self: the editor
 * @template: (nullable): the template to edit, %NULL for a new e-mail template
 *
 * Shows @template in the editor.  The editor edits @template itself and
 * saves it on herald_template_editor_save().
 */
void
herald_template_editor_load (HeraldTemplateEditor *self,
                             HeraldTemplate       *template)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HERALD_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (template == NULL || HERALD_IS_TEMPLATE (template));

  g_clear_object (&self->template);
  self->template = template != NULL ? g_object_ref (template) : herald_template_new ();

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), herald_template_get_name (self->template) ?: "");
  adw_combo_row_set_selected (self->type_row, herald_template_get_template_type (self->template));
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), herald_template_get_subject (self->template) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->preheader_row), herald_template_get_preheader (self->template) ?: "");
  buffer_set_text (html_buffer (self), herald_template_get_body_html (self->template));
  buffer_set_text (text_buffer (self), herald_template_get_body_text (self->template));
  if (!herald_variables_editor_set_json (self->variables_editor,
                                         herald_template_get_variables (self->template), &error))
    g_warning ("Variables of template %s are unreadable: %s",
               herald_record_get_id (HERALD_RECORD (self->template)), error->message);
  gtk_check_button_set_active (self->remote_check, remote_content_allowed (self));
  update_for_type (self);
  self->loading = FALSE;

  self->modified = FALSE;
  update_title (self);
  refresh (self, TRUE);
}

/**
 * herald_template_editor_get_template:
 * @self: the editor
 *
 * Returns: (transfer none) (nullable): the template being edited; its
 *   properties hold the editor's fields only after a save.
 */
HeraldTemplate *
herald_template_editor_get_template (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL);

  return self->template;
}

/**
 * herald_template_editor_get_modified:
 * @self: the editor
 *
 * Returns: whether there are unsaved changes.
 */
gboolean
herald_template_editor_get_modified (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), FALSE);

  return self->modified;
}

/**
 * herald_template_editor_save:
 * @self: the editor
 * @error: where a validation or store error goes
 *
 * Writes the fields to the template and saves it to the store (and so to
 * the outbox).
 *
 * Returns: whether the template was saved.
 */
gboolean
herald_template_editor_save (HeraldTemplateEditor *self,
                             GError              **error)
{
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *variables = NULL;
  HeraldTemplateType type;

  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->template != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no store to save to."));
      return FALSE;
    }

  type = current_type (self);
  html = buffer_dup_text (html_buffer (self));
  text = buffer_dup_text (text_buffer (self));
  variables = herald_variables_editor_dup_json (self->variables_editor);

  g_object_freeze_notify (G_OBJECT (self->template));
  herald_template_set_name (self->template, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  herald_template_set_template_type (self->template, type);
  herald_template_set_subject (self->template,
                               type == HERALD_TEMPLATE_TYPE_SMS ? "" : gtk_editable_get_text (GTK_EDITABLE (self->subject_row)));
  herald_template_set_preheader (self->template,
                                 type == HERALD_TEMPLATE_TYPE_EMAIL ? gtk_editable_get_text (GTK_EDITABLE (self->preheader_row)) : "");
  herald_template_set_body_html (self->template, type == HERALD_TEMPLATE_TYPE_EMAIL ? html : "");
  herald_template_set_body_text (self->template, text);
  herald_template_set_variables (self->template, variables);
  g_object_thaw_notify (G_OBJECT (self->template));

  if (!herald_store_save (self->store, HERALD_RECORD (self->template), error))
    return FALSE;

  set_modified (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * herald_template_editor_request_close:
 * @self: the editor
 *
 * Emits #HeraldTemplateEditor::closed at once when nothing is unsaved;
 * otherwise asks to save, discard or cancel and emits it after save or
 * discard.
 *
 * Returns: (transfer none) (nullable): the question, if one was asked.
 */
GtkWindow *
herald_template_editor_request_close (HeraldTemplateEditor *self)
{
  g_autofree char *heading = NULL;
  GtkRoot *root;

  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL);

  if (!self->modified)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return NULL;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return herald_dialogs_save_changes (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      _("Save Changes?"),
                                      _("The template has changes that are not saved yet. Discarded changes are lost."),
                                      save_changes_cb, g_object_ref (self));
}

/**
 * herald_template_editor_refresh_now:
 * @self: the editor
 *
 * Renders, lints and updates the preview now instead of after the delay.
 */
void
herald_template_editor_refresh_now (HeraldTemplateEditor *self)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_EDITOR (self));

  refresh (self, TRUE);
}

/**
 * herald_template_editor_insert_variable:
 * @self: the editor
 * @name: a variable name
 *
 * Inserts `{{ name }}` at the cursor of the body being edited.
 */
void
herald_template_editor_insert_variable (HeraldTemplateEditor *self,
                                        const char           *name)
{
  GtkTextView *view;
  g_autofree char *tag = NULL;

  g_return_if_fail (HERALD_IS_TEMPLATE_EDITOR (self));
  g_return_if_fail (name != NULL);

  view = current_type (self) == HERALD_TEMPLATE_TYPE_EMAIL
    && g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "text") != 0
    ? GTK_TEXT_VIEW (self->html_view) : GTK_TEXT_VIEW (self->text_view);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->editor_stack), "variables") == 0)
    gtk_stack_set_visible_child_name (self->editor_stack,
                                      view == GTK_TEXT_VIEW (self->html_view) ? "html" : "text");
  tag = g_strdup_printf ("{{ %s }}", name);
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), tag, -1, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/**
 * herald_template_editor_set_sample_contact:
 * @self: the editor
 * @index: 0 for the variables' defaults, n for the n-th sample contact
 *
 * Chooses whose values the preview shows.
 */
void
herald_template_editor_set_sample_contact (HeraldTemplateEditor *self,
                                           guint                 index)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_EDITOR (self));

  gtk_drop_down_set_selected (self->contact_dropdown, index);
}

#define DEFINE_GETTER(type, name)                              \
type *                                                         \
herald_template_editor_get_##name (HeraldTemplateEditor *self) \
{                                                              \
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL); \
  return self->name;                                           \
}

/* Accessors of the parts, for tests and the benchmark. */
DEFINE_GETTER (AdwEntryRow, name_row)
DEFINE_GETTER (AdwComboRow, type_row)
DEFINE_GETTER (AdwEntryRow, subject_row)
DEFINE_GETTER (AdwEntryRow, preheader_row)
DEFINE_GETTER (HeraldVariablesEditor, variables_editor)
DEFINE_GETTER (HeraldLintPanel, lint_panel)
DEFINE_GETTER (HeraldTemplatePreview, preview)
DEFINE_GETTER (HeraldVariableCompletion, completion)

/**
 * herald_template_editor_get_html_buffer:
 * @self: the editor
 *
 * Returns: (transfer none): the buffer of the HTML body.
 */
GtkSourceBuffer *
herald_template_editor_get_html_buffer (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL);

  return GTK_SOURCE_BUFFER (html_buffer (self));
}

/**
 * herald_template_editor_get_text_buffer:
 * @self: the editor
 *
 * Returns: (transfer none): the buffer of the text body (or SMS, or push body).
 */
GtkSourceBuffer *
herald_template_editor_get_text_buffer (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL);

  return GTK_SOURCE_BUFFER (text_buffer (self));
}

/**
 * herald_template_editor_get_counter_text:
 * @self: the editor
 *
 * Returns: the SMS or push counter as shown.
 */
const char *
herald_template_editor_get_counter_text (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), NULL);

  return gtk_label_get_label (self->counter_label);
}

/**
 * herald_template_editor_count_unknown:
 * @self: the editor
 *
 * Returns: how many tags the last refresh underlined as unknown or malformed.
 */
guint
herald_template_editor_count_unknown (HeraldTemplateEditor *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_EDITOR (self), 0);

  return self->n_unknown;
}
