/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      herald_test_gui_init          (int          *argc,
                                         char       ***argv);
void      herald_test_spin              (guint         ms);
gboolean  herald_test_wait_until        (gboolean    (*predicate) (gpointer user_data),
                                         gpointer      user_data,
                                         guint         timeout_ms);
void      herald_test_wait_for_mapped   (GtkWidget    *widget);
char     *herald_test_screenshot        (GtkWidget    *widget,
                                         const char   *name);
GtkWindow *herald_test_find_toplevel    (GType         type);
gpointer   herald_test_app_new          (gboolean      demo);
char      *herald_test_make_store_path  (void);

G_END_DECLS
