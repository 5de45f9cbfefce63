/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*HeraldConfirmFunc) (gboolean confirmed,
                                   gpointer user_data);

typedef enum
{
  HERALD_SAVE_RESPONSE_CANCEL,
  HERALD_SAVE_RESPONSE_DISCARD,
  HERALD_SAVE_RESPONSE_SAVE,
} HeraldSaveResponse;

typedef void (*HeraldSaveChangesFunc) (HeraldSaveResponse response,
                                       gpointer           user_data);

GtkWindow *herald_dialogs_show_error (GtkWindow          *parent,
                                      const char         *heading,
                                      const char         *body);
GtkWindow *herald_dialogs_confirm    (GtkWindow          *parent,
                                      const char         *heading,
                                      const char         *body,
                                      const char         *confirm_label,
                                      gboolean            destructive,
                                      HeraldConfirmFunc   callback,
                                      gpointer            user_data);
void       herald_dialogs_respond    (GtkWindow          *dialog,
                                      gboolean            confirm);

/* @text is NULL when the person cancelled. */
typedef void (*HeraldAskTextFunc) (const char *text,
                                   gpointer    user_data);

GtkWindow *herald_dialogs_ask_text   (GtkWindow          *parent,
                                      const char         *heading,
                                      const char         *body,
                                      const char         *initial_text,
                                      const char         *confirm_label,
                                      HeraldAskTextFunc   callback,
                                      gpointer            user_data);
GtkEditable *herald_dialogs_get_entry (GtkWindow         *dialog);
GtkWindow *herald_dialogs_save_changes (GtkWindow           *parent,
                                        const char          *heading,
                                        const char          *body,
                                        HeraldSaveChangesFunc callback,
                                        gpointer             user_data);

G_END_DECLS
