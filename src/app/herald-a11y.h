/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void herald_a11y_name_drop_down (GtkDropDown *drop_down,
                                 const char  *label);
void herald_a11y_name_drop_downs (GtkWidget   *root);

G_END_DECLS
