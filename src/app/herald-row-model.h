/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HERALD_TYPE_ROW (herald_row_get_type ())

G_DECLARE_FINAL_TYPE (HeraldRow, herald_row, HERALD, ROW, GObject)

gpointer        herald_row_get_item       (HeraldRow      *self);
guint           herald_row_get_position   (HeraldRow      *self);

#define HERALD_TYPE_ROW_MODEL (herald_row_model_get_type ())

G_DECLARE_FINAL_TYPE (HeraldRowModel, herald_row_model, HERALD, ROW_MODEL, GObject)

HeraldRowModel *herald_row_model_new       (void);
GListModel     *herald_row_model_get_model (HeraldRowModel *self);
void            herald_row_model_set_model (HeraldRowModel *self,
                                            GListModel     *model);
void            herald_row_model_set_eager (HeraldRowModel *self,
                                            guint           n_rows);
void            herald_row_model_flush     (HeraldRowModel *self);
void            herald_row_model_refresh_later (HeraldRowModel *self);

G_END_DECLS
