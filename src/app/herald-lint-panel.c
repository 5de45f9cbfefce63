/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-lint-panel.c: the findings of herald_lint_*() as a list; activating
 * one asks the editor to move the cursor to it. */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "herald.h"
#include "herald-lint-panel.h"

struct _HeraldLintPanel
{
  GtkBox      parent_instance;

  GtkListBox *list;
  GtkLabel   *title;
  GPtrArray  *findings;
};

G_DEFINE_FINAL_TYPE (HeraldLintPanel, herald_lint_panel, GTK_TYPE_BOX)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (HeraldLintSeverity severity)
{
  switch (severity)
    {
    case HERALD_LINT_ERROR:
      return "dialog-error-symbolic";
    case HERALD_LINT_WARNING:
      return "dialog-warning-symbolic";
    case HERALD_LINT_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
part_name (HeraldLintPart part)
{
  switch (part)
    {
    case HERALD_LINT_PART_SUBJECT:
      return _("Subject");
    case HERALD_LINT_PART_PREHEADER:
      return _("Preheader");
    case HERALD_LINT_PART_HTML:
      return _("HTML");
    case HERALD_LINT_PART_TEXT:
      return _("Text");
    case HERALD_LINT_PART_TITLE:
      return _("Title");
    case HERALD_LINT_PART_BODY:
      return _("Body");
    case HERALD_LINT_PART_NONE:
    default:
      return _("Template");
    }
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  HeraldLintPanel *self)
{
  herald_lint_panel_activate (self, gtk_list_box_row_get_index (row));
}

/**
 * herald_lint_panel_set_findings:
 * @self: the panel
 * @findings: (element-type HeraldLintFinding) (nullable): the findings
 *
 * Shows @findings, most severe first as herald_lint_*() ordered them.
 */
void
herald_lint_panel_set_findings (HeraldLintPanel *self,
                                GPtrArray       *findings)
{
  GtkWidget *child;
  g_autofree char *title = NULL;
  guint n;

  g_return_if_fail (HERALD_IS_LINT_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) herald_lint_finding_free);
  if (findings != NULL)
    for (guint i = 0; i < findings->len; i++)
      g_ptr_array_add (self->findings, herald_lint_finding_copy (g_ptr_array_index (findings, i)));

  n = self->findings->len;
  if (n == 0)
    title = g_strdup (_("No Problems Found"));
  else
    title = g_strdup_printf (ngettext ("%u Problem", "%u Problems", n), n);
  gtk_label_set_label (self->title, title);

  for (guint i = 0; i < n; i++)
    {
      HeraldLintFinding *finding = g_ptr_array_index (self->findings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = g_markup_escape_text (finding->message, -1);

      if (finding->line > 0)
        /* Translators: where a problem is: “HTML, line 12” */
        subtitle = g_strdup_printf (_("%s, line %u"), part_name (finding->part), finding->line);
      else
        subtitle = g_strdup (part_name (finding->part));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (finding->severity == HERALD_LINT_ERROR)
        gtk_widget_add_css_class (icon, "error");
      else if (finding->severity == HERALD_LINT_WARNING)
        gtk_widget_add_css_class (icon, "warning");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

/**
 * herald_lint_panel_get_n_rows:
 * @self: the panel
 *
 * Returns: the number of findings shown.
 */
guint
herald_lint_panel_get_n_rows (HeraldLintPanel *self)
{
  g_return_val_if_fail (HERALD_IS_LINT_PANEL (self), 0);

  return self->findings != NULL ? self->findings->len : 0;
}

/**
 * herald_lint_panel_get_message:
 * @self: the panel
 * @index: a row
 *
 * Returns: (nullable): the message shown in row @index.
 */
const char *
herald_lint_panel_get_message (HeraldLintPanel *self,
                               guint            index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (HERALD_IS_LINT_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list, index);
  if (row == NULL)
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/**
 * herald_lint_panel_activate:
 * @self: the panel
 * @index: a row
 *
 * Emits #HeraldLintPanel::finding-activated for the finding in row @index,
 * as a click on it does.
 */
void
herald_lint_panel_activate (HeraldLintPanel *self,
                            guint            index)
{
  HeraldLintFinding *finding;

  g_return_if_fail (HERALD_IS_LINT_PANEL (self));

  if (self->findings == NULL || index >= self->findings->len)
    return;
  finding = g_ptr_array_index (self->findings, index);
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0,
                 (guint) finding->part, finding->line, finding->column);
}

static void
herald_lint_panel_dispose (GObject *object)
{
  HeraldLintPanel *self = HERALD_LINT_PANEL (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_lint_panel_parent_class)->dispose (object);
}

static void
herald_lint_panel_class_init (HeraldLintPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = herald_lint_panel_dispose;

  /**
   * HeraldLintPanel::finding-activated:
   * @part: the #HeraldLintPart
   * @line: 1-based line, 0 if unknown
   * @column: 1-based column, 0 if unknown
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
herald_lint_panel_init (HeraldLintPanel *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->title));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  herald_lint_panel_set_findings (self, NULL);
}

/**
 * herald_lint_panel_new:
 *
 * Returns: a new panel without findings.
 */
GtkWidget *
herald_lint_panel_new (void)
{
  return g_object_new (HERALD_TYPE_LINT_PANEL, NULL);
}
