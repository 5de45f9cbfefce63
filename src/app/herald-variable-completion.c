/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-variable-completion.c: completes variable names inside `{{ … }}`.
 *
 * The provider offers names only when the word being typed follows `{{`
 * (spaces allowed in between), so that ordinary HTML and text are not
 * interrupted by proposals.  Activating a proposal writes the name and,
 * unless they are already there, the closing ` }}`. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-variable-completion.h"

/* Proposal */

#define HERALD_TYPE_VARIABLE_PROPOSAL (herald_variable_proposal_get_type ())
G_DECLARE_FINAL_TYPE (HeraldVariableProposal, herald_variable_proposal, HERALD, VARIABLE_PROPOSAL, GObject)

struct _HeraldVariableProposal
{
  GObject  parent_instance;
  char    *name;
  char    *comment;
};

static char *
herald_variable_proposal_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (HERALD_VARIABLE_PROPOSAL (proposal)->name);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = herald_variable_proposal_get_typed_text;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldVariableProposal, herald_variable_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL, proposal_iface_init))

static void
herald_variable_proposal_finalize (GObject *object)
{
  HeraldVariableProposal *self = HERALD_VARIABLE_PROPOSAL (object);

  g_free (self->name);
  g_free (self->comment);
  G_OBJECT_CLASS (herald_variable_proposal_parent_class)->finalize (object);
}

static void
herald_variable_proposal_class_init (HeraldVariableProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_variable_proposal_finalize;
}

static void
herald_variable_proposal_init (HeraldVariableProposal *self)
{
}

/* Provider */

struct _HeraldVariableCompletion
{
  GObject     parent_instance;

  GStrv       names;
  GHashTable *comments;
};

static void provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldVariableCompletion, herald_variable_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER, provider_iface_init))

static gboolean
is_name_char (gunichar ch,
              gpointer user_data)
{
  return g_ascii_isalnum (ch) || ch == '_' || ch == '.';
}

/* Whether the text just before @start is `{{` plus optional blanks. */
static gboolean
follows_open_tag (const GtkTextIter *start)
{
  GtkTextIter iter = *start;

  while (gtk_text_iter_backward_char (&iter))
    {
      gunichar ch = gtk_text_iter_get_char (&iter);

      if (ch == ' ' || ch == '\t')
        continue;
      if (ch != '{' || !gtk_text_iter_backward_char (&iter))
        return FALSE;
      return gtk_text_iter_get_char (&iter) == '{';
    }
  return FALSE;
}

/**
 * herald_variable_completion_dup_matches:
 * @self: the provider
 * @word_start: (inout): the start of the name being typed
 * @word_end: the cursor
 *
 * Moves @word_start back over the name characters before @word_end.
 *
 * Returns: (transfer full): the known names that start with what is typed
 *   there, or an empty list when the cursor is not inside `{{`.
 */
GStrv
herald_variable_completion_dup_matches (HeraldVariableCompletion *self,
                                        GtkTextIter              *word_start,
                                        GtkTextIter              *word_end)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *typed = NULL;

  g_return_val_if_fail (HERALD_IS_VARIABLE_COMPLETION (self), NULL);

  *word_start = *word_end;
  while (!gtk_text_iter_is_start (word_start))
    {
      GtkTextIter prev = *word_start;

      gtk_text_iter_backward_char (&prev);
      if (!is_name_char (gtk_text_iter_get_char (&prev), NULL))
        break;
      *word_start = prev;
    }

  if (!follows_open_tag (word_start) || self->names == NULL)
    return g_strv_builder_end (builder);

  typed = gtk_text_iter_get_slice (word_start, word_end);
  for (guint i = 0; self->names[i] != NULL; i++)
    if (g_str_has_prefix (self->names[i], typed))
      g_strv_builder_add (builder, self->names[i]);

  return g_strv_builder_end (builder);
}

static char *
herald_variable_completion_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Variables"));
}

static gboolean
herald_variable_completion_is_trigger (GtkSourceCompletionProvider *provider,
                                       const GtkTextIter           *iter,
                                       gunichar                     ch)
{
  GtkTextIter before = *iter;

  /* The second { of `{{` (iter is after the inserted character). */
  return ch == '{' && gtk_text_iter_backward_chars (&before, 2) && gtk_text_iter_get_char (&before) == '{';
}

static void
herald_variable_completion_populate_async (GtkSourceCompletionProvider *provider,
                                           GtkSourceCompletionContext  *context,
                                           GCancellable                *cancellable,
                                           GAsyncReadyCallback          callback,
                                           gpointer                     user_data)
{
  HeraldVariableCompletion *self = HERALD_VARIABLE_COMPLETION (provider);
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  g_autoptr(GListStore) store = g_list_store_new (HERALD_TYPE_VARIABLE_PROPOSAL);
  g_auto(GStrv) matches = NULL;
  GtkTextIter start, end;

  g_task_set_source_tag (task, herald_variable_completion_populate_async);
  gtk_source_completion_context_get_bounds (context, &start, &end);
  matches = herald_variable_completion_dup_matches (self, &start, &end);
  for (guint i = 0; matches[i] != NULL; i++)
    {
      g_autoptr(HeraldVariableProposal) proposal = g_object_new (HERALD_TYPE_VARIABLE_PROPOSAL, NULL);

      proposal->name = g_strdup (matches[i]);
      proposal->comment = g_strdup (g_hash_table_lookup (self->comments, matches[i]));
      g_list_store_append (store, proposal);
    }
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static GListModel *
herald_variable_completion_populate_finish (GtkSourceCompletionProvider *provider,
                                            GAsyncResult                *result,
                                            GError                     **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
herald_variable_completion_display (GtkSourceCompletionProvider *provider,
                                    GtkSourceCompletionContext  *context,
                                    GtkSourceCompletionProposal *proposal,
                                    GtkSourceCompletionCell     *cell)
{
  HeraldVariableProposal *variable = HERALD_VARIABLE_PROPOSAL (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, variable->name);
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
      gtk_source_completion_cell_set_text (cell, variable->comment);
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
herald_variable_completion_activate (GtkSourceCompletionProvider *provider,
                                     GtkSourceCompletionContext  *context,
                                     GtkSourceCompletionProposal *proposal)
{
  HeraldVariableProposal *variable = HERALD_VARIABLE_PROPOSAL (proposal);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_completion_context_get_buffer (context));
  GtkTextIter start, end, after;
  g_autofree char *rest = NULL;
  g_autofree char *text = NULL;

  gtk_source_completion_context_get_bounds (context, &start, &end);
  g_strfreev (herald_variable_completion_dup_matches (HERALD_VARIABLE_COMPLETION (provider), &start, &end));
  after = end;
  gtk_text_iter_forward_chars (&after, 3);
  rest = gtk_text_iter_get_slice (&end, &after);
  text = g_str_has_prefix (g_strchug (rest), "}}")
    ? g_strdup (variable->name) : g_strdup_printf ("%s }}", variable->name);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = herald_variable_completion_get_title;
  iface->is_trigger = herald_variable_completion_is_trigger;
  iface->populate_async = herald_variable_completion_populate_async;
  iface->populate_finish = herald_variable_completion_populate_finish;
  iface->display = herald_variable_completion_display;
  iface->activate = herald_variable_completion_activate;
}

static void
herald_variable_completion_finalize (GObject *object)
{
  HeraldVariableCompletion *self = HERALD_VARIABLE_COMPLETION (object);

  g_strfreev (self->names);
  g_hash_table_unref (self->comments);
  G_OBJECT_CLASS (herald_variable_completion_parent_class)->finalize (object);
}

static void
herald_variable_completion_class_init (HeraldVariableCompletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_variable_completion_finalize;
}

static void
herald_variable_completion_init (HeraldVariableCompletion *self)
{
  self->comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * herald_variable_completion_new:
 *
 * Returns: (transfer full): a provider without names.
 */
HeraldVariableCompletion *
herald_variable_completion_new (void)
{
  return g_object_new (HERALD_TYPE_VARIABLE_COMPLETION, NULL);
}

/**
 * herald_variable_completion_set_names:
 * @self: the provider
 * @names: (array zero-terminated=1): the names to offer, in order
 * @comments: (array zero-terminated=1) (nullable): a comment per name
 *   (such as its default), "" for none
 *
 * Sets what the provider completes.
 */
void
herald_variable_completion_set_names (HeraldVariableCompletion *self,
                                      const char * const       *names,
                                      const char * const       *comments)
{
  g_return_if_fail (HERALD_IS_VARIABLE_COMPLETION (self));

  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  g_hash_table_remove_all (self->comments);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (comments != NULL && comments[i] != NULL && *comments[i] != '\0')
      g_hash_table_replace (self->comments, g_strdup (names[i]), g_strdup (comments[i]));
}
