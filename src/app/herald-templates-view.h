/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_TEMPLATES_VIEW (herald_templates_view_get_type ())

G_DECLARE_FINAL_TYPE (HeraldTemplatesView, herald_templates_view, HERALD, TEMPLATES_VIEW, AdwBin)

HeraldStore *herald_templates_view_get_store (HeraldTemplatesView *self);
void         herald_templates_view_set_store (HeraldTemplatesView *self,
                                         HeraldStore    *store);

G_END_DECLS
