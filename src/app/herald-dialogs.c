/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-dialogs.c: message and confirmation dialogs.
 *
 * AdwMessageDialog becomes AdwAlertDialog in later libadwaita; every use
 * goes through this file so that the port stays local.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-dialogs.h"

typedef struct
{
  HeraldConfirmFunc callback;
  gpointer          user_data;
} ConfirmData;

/**
 * herald_dialogs_show_error:
 * @parent: (nullable): the window the error is about
 * @heading: what failed, as a short sentence
 * @body: (nullable): why, and what was left untouched
 *
 * Returns: (transfer none): the presented dialog.
 */
GtkWindow *
herald_dialogs_show_error (GtkWindow  *parent,
                           const char *heading,
                           const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ConfirmData *data = user_data;

  if (data->callback != NULL)
    data->callback (g_strcmp0 (response, "confirm") == 0, data->user_data);
}

/**
 * herald_dialogs_confirm:
 * @parent: (nullable): the window the question is about
 * @heading: the question, such as "Delete “Spring Sale”?"
 * @body: (nullable): what will happen
 * @confirm_label: the label of the confirming button, a verb
 * @destructive: whether confirming destroys something
 * @callback: called once with the answer; Escape and Cancel answer no
 * @user_data: for @callback
 *
 * Returns: (transfer none): the presented dialog.
 */
GtkWindow *
herald_dialogs_confirm (GtkWindow         *parent,
                        const char        *heading,
                        const char        *body,
                        const char        *confirm_label,
                        gboolean           destructive,
                        HeraldConfirmFunc  callback,
                        gpointer           user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  ConfirmData *data = g_new0 (ConfirmData, 1);

  data->callback = callback;
  data->user_data = user_data;

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  /* Enter must not destroy anything by accident. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           destructive ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         data, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * herald_dialogs_respond:
 * @dialog: a dialog from herald_dialogs_confirm()
 * @confirm: whether to answer yes
 *
 * Answers @dialog as a click would; for tests and keyboard paths.
 */
void
herald_dialogs_respond (GtkWindow *dialog,
                        gboolean   confirm)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), confirm ? "confirm" : "cancel");
}

typedef struct
{
  HeraldSaveChangesFunc callback;
  gpointer              user_data;
} SaveChangesData;

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  SaveChangesData *data = user_data;
  HeraldSaveResponse answer = HERALD_SAVE_RESPONSE_CANCEL;

  if (g_strcmp0 (response, "save") == 0)
    answer = HERALD_SAVE_RESPONSE_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    answer = HERALD_SAVE_RESPONSE_DISCARD;
  if (data->callback != NULL)
    data->callback (answer, data->user_data);
}

/**
 * herald_dialogs_save_changes:
 * @parent: (nullable): the window with the unsaved changes
 * @heading: the question, such as "Save Changes?"
 * @body: (nullable): what is unsaved
 * @callback: called once with Save, Discard or Cancel (also for Escape)
 * @user_data: for @callback
 *
 * Asks what to do with unsaved changes.  Answer it from tests with
 * adw_message_dialog_response() and "save", "discard" or "cancel".
 *
 * Returns: (transfer none): the presented dialog.
 */
GtkWindow *
herald_dialogs_save_changes (GtkWindow             *parent,
                             const char            *heading,
                             const char            *body,
                             HeraldSaveChangesFunc  callback,
                             gpointer               user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  SaveChangesData *data = g_new0 (SaveChangesData, 1);

  data->callback = callback;
  data->user_data = user_data;

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (save_changes_response_cb),
                         data, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

typedef struct
{
  HeraldAskTextFunc  callback;
  gpointer           user_data;
  GtkWidget         *entry;
} AskTextData;

static void
ask_text_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  AskTextData *data = user_data;

  if (data->callback != NULL)
    data->callback (g_strcmp0 (response, "confirm") == 0
                    ? gtk_editable_get_text (GTK_EDITABLE (data->entry)) : NULL,
                    data->user_data);
}

/**
 * herald_dialogs_ask_text:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: the question
 * @body: what to type
 * @initial_text: (nullable): the text the entry starts with
 * @confirm_label: the label of the confirming button, with a mnemonic
 * @callback: called once with the text, or %NULL when cancelled
 * @user_data: data for @callback
 *
 * Asks for one line of text; Enter in the entry confirms.
 *
 * Returns: (transfer none): the dialog, for tests
 */
GtkWindow *
herald_dialogs_ask_text (GtkWindow         *parent,
                         const char        *heading,
                         const char        *body,
                         const char        *initial_text,
                         const char        *confirm_label,
                         HeraldAskTextFunc  callback,
                         gpointer           user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  AskTextData *data = g_new0 (AskTextData, 1);

  data->callback = callback;
  data->user_data = user_data;
  data->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (data->entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (data->entry), initial_text ? initial_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "herald-entry", data->entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (ask_text_response_cb),
                         data, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->entry);
  return GTK_WINDOW (dialog);
}

/**
 * herald_dialogs_get_entry:
 * @dialog: a dialog from herald_dialogs_ask_text()
 *
 * Returns: (transfer none): its entry, for tests
 */
GtkEditable *
herald_dialogs_get_entry (GtkWindow *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), "herald-entry");
}
