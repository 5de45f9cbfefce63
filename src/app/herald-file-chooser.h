/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @file is NULL when the person cancelled. */
typedef void (*HeraldFileChosenFunc) (GFile    *file,
                                      gpointer  user_data);

void herald_file_chooser_save (GtkWindow            *parent,
                               const char           *title,
                               const char           *suggested_name,
                               HeraldFileChosenFunc  callback,
                               gpointer              user_data);
void herald_file_chooser_open (GtkWindow            *parent,
                               const char           *title,
                               const char           *filter_name,
                               const char           *mime_type,
                               HeraldFileChosenFunc  callback,
                               gpointer              user_data);

G_END_DECLS
