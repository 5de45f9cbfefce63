/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "herald-application.h"
#include "herald-template-editor.h"
#include "herald.h"

G_BEGIN_DECLS

#define HERALD_TYPE_WIZARD_WINDOW (herald_wizard_window_get_type ())

G_DECLARE_FINAL_TYPE (HeraldWizardWindow, herald_wizard_window, HERALD, WIZARD_WINDOW, AdwWindow)

HeraldWizardWindow *herald_wizard_window_new         (HeraldApplication  *application,
                                                      GtkWindow          *parent,
                                                      const char         *campaign_id,
                                                      GError            **error);
HeraldCampaign     *herald_wizard_window_get_campaign (HeraldWizardWindow *self);
HeraldWizardStep    herald_wizard_window_get_step     (HeraldWizardWindow *self);
const char         *herald_wizard_window_get_reason   (HeraldWizardWindow *self);
GPtrArray          *herald_wizard_window_get_checks   (HeraldWizardWindow *self);
const char         *herald_wizard_window_get_hint     (HeraldWizardWindow *self);
HeraldTemplateEditor *herald_wizard_window_get_template_editor (HeraldWizardWindow *self);
const HeraldWizardPreview *herald_wizard_window_get_preview (HeraldWizardWindow *self);
void                herald_wizard_window_set_network_monitor (HeraldWizardWindow *self,
                                                      GNetworkMonitor    *monitor);
GtkWidget          *herald_wizard_window_get_field    (HeraldWizardWindow *self,
                                                      const char         *name);
const char         *herald_wizard_window_get_field_error (HeraldWizardWindow *self,
                                                      const char         *name);

G_END_DECLS
