/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-file-chooser.c: the one place that uses GtkFileChooserNative
 * (GtkFileDialog in later GTK), so that a port stays local. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-file-chooser.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

typedef struct
{
  HeraldFileChosenFunc callback;
  gpointer             user_data;
} ChooserData;

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             gpointer         user_data)
{
  ChooserData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  data->callback (file, data->user_data);
  g_free (data);
  g_object_unref (dialog);
}

/**
 * herald_file_chooser_save:
 * @parent: (nullable): the window asking
 * @title: the dialog's title
 * @suggested_name: the file name to start with
 * @callback: called once with the chosen file, or %NULL
 * @user_data: data for @callback
 *
 * Asks where to save a file, through the desktop's portal when there is one.
 */
void
herald_file_chooser_save (GtkWindow            *parent,
                          const char           *title,
                          const char           *suggested_name,
                          HeraldFileChosenFunc  callback,
                          gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  data->callback = callback;
  data->user_data = user_data;
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * herald_file_chooser_open:
 * @parent: (nullable): the window asking
 * @title: the dialog's title
 * @filter_name: (nullable): the name of a file filter, such as "HTML Files"
 * @mime_type: (nullable): the MIME type the filter accepts
 * @callback: called once with the chosen file, or %NULL
 * @user_data: data for @callback
 *
 * Asks for a file to open.
 */
void
herald_file_chooser_open (GtkWindow            *parent,
                          const char           *title,
                          const char           *filter_name,
                          const char           *mime_type,
                          HeraldFileChosenFunc  callback,
                          gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  data->callback = callback;
  data->user_data = user_data;
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (mime_type != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

G_GNUC_END_IGNORE_DEPRECATIONS
