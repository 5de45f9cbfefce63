/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_APPLICATION (herald_application_get_type ())

G_DECLARE_FINAL_TYPE (HeraldApplication, herald_application, HERALD, APPLICATION, AdwApplication)

void               herald_init_i18n                (void);
HeraldApplication *herald_application_new          (void);
GSettings         *herald_application_get_settings (HeraldApplication *self);
HeraldStore       *herald_application_get_store    (HeraldApplication *self);
const GError      *herald_application_get_store_error (HeraldApplication *self);
void               herald_application_set_store_path (HeraldApplication *self,
                                                      const char        *path);

G_END_DECLS
