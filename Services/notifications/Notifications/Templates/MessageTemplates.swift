import ODOPMessages

/// The message templates, per event type and language (Mustache, plain text). Every event type
/// of catalogue, exports and training has an English and a Hindi one; any other type gets
/// `fallback`. Values come from `MessageContext`: the event's data fields as text, plus
/// `when` (the event's time in IST), `*Formatted` amounts (₹ with Indian grouping) and
/// `statusText` (the status in the message's language).
///
/// To add a service's events: add their templates here, in both languages.
public enum MessageTemplates {
    static let pragma = "{{% CONTENT_TYPE:TEXT}}"

    /// Templates by event type, then language.
    public static let byType: [String: [MessageLanguage: String]] = [
        // catalogue
        "catalogue.product.registered": [
            .en: "New ODOP product: {{name}} ({{sector}}) of {{district}}, {{state}}, registered on {{when}}.",
            .hi: "नया ओडीओपी उत्पाद: {{district}}, {{state}} का {{name}} ({{sector}}) {{when}} को पंजीकृत हुआ।",
        ],
        "catalogue.product.updated": [
            .en: "ODOP product {{name}} of {{district}}, {{state}} was updated (version {{version}}) on {{when}}.",
            .hi: "{{district}}, {{state}} का ओडीओपी उत्पाद {{name}} {{when}} को अद्यतन हुआ (संस्करण {{version}})।",
        ],
        "catalogue.product.retired": [
            .en:
                "ODOP product {{name}} of {{district}}, {{state}} was retired on {{when}}.{{#retiredReason}} Reason: {{retiredReason}}.{{/retiredReason}}",
            .hi:
                "{{district}}, {{state}} का ओडीओपी उत्पाद {{name}} {{when}} को हटाया गया।{{#retiredReason}} कारण: {{retiredReason}}।{{/retiredReason}}",
        ],
        "catalogue.district.registered": [
            .en: "District {{name}}, {{state}} was registered in the ODOP catalogue on {{when}}.",
            .hi: "ज़िला {{name}}, {{state}} {{when}} को ओडीओपी सूची में पंजीकृत हुआ।",
        ],
        // exports
        "exports.plan.drafted": [
            .en: "A District Export Action Plan was drafted for {{district}}, {{state}} ({{productNames}}) on {{when}}.",
            .hi: "{{district}}, {{state}} के लिए ज़िला निर्यात कार्य योजना का मसौदा {{when}} को बना ({{productNames}})।",
        ],
        "exports.plan.prepared": [
            .en: "The District Export Action Plan of {{district}}, {{state}} is prepared and awaits DEPC adoption ({{when}}).",
            .hi: "{{district}}, {{state}} की ज़िला निर्यात कार्य योजना तैयार है और डीईपीसी द्वारा अपनाए जाने की प्रतीक्षा में है ({{when}})।",
        ],
        "exports.plan.adopted": [
            .en: "The DEPC adopted the District Export Action Plan of {{district}}, {{state}} on {{when}}.",
            .hi: "डीईपीसी ने {{district}}, {{state}} की ज़िला निर्यात कार्य योजना {{when}} को अपनाई।",
        ],
        "exports.plan.archived": [
            .en: "The District Export Action Plan of {{district}}, {{state}} was archived on {{when}}: no active ODOP product remains.",
            .hi: "{{district}}, {{state}} की ज़िला निर्यात कार्य योजना {{when}} को संग्रहीत की गई: कोई सक्रिय ओडीओपी उत्पाद नहीं बचा।",
        ],
        "exports.plan.updated": [
            .en: "The District Export Action Plan of {{district}}, {{state}} ({{statusText}}) changed: {{changeText}} ({{when}}).",
            .hi: "{{district}}, {{state}} की ज़िला निर्यात कार्य योजना ({{statusText}}) में बदलाव: {{changeText}} ({{when}})।",
        ],
        "exports.figures.recorded": [
            .en:
                "Exports of {{productName}} from {{district}}, {{state}} in {{financialYear}}: {{valueINRCroreFormatted}}{{#previousValueINRCroreFormatted}} (corrected from {{previousValueINRCroreFormatted}}){{/previousValueINRCroreFormatted}}, source {{source}}, recorded {{when}}.",
            .hi:
                "{{financialYear}} में {{district}}, {{state}} से {{productName}} का निर्यात: {{valueINRCroreFormatted}}{{#previousValueINRCroreFormatted}} ({{previousValueINRCroreFormatted}} से संशोधित){{/previousValueINRCroreFormatted}}, स्रोत {{source}}, {{when}} को दर्ज।",
        ],
        // training
        "training.application.submitted": [
            .en: "A training application {{applicationId}} was submitted under {{schemeId}} in {{district}}, {{state}} on {{when}}.",
            .hi: "{{district}}, {{state}} में {{schemeId}} के अंतर्गत प्रशिक्षण आवेदन {{applicationId}} {{when}} को जमा हुआ।",
        ],
        "training.application.verified": [
            .en: "Training application {{applicationId}} ({{schemeId}}, {{district}}) passed verification stage {{stage}} on {{when}}.",
            .hi: "प्रशिक्षण आवेदन {{applicationId}} ({{schemeId}}, {{district}}) ने {{when}} को सत्यापन चरण {{stage}} पार किया।",
        ],
        "training.application.selected": [
            .en: "Training application {{applicationId}} ({{schemeId}}, {{district}}, {{state}}) was selected on {{when}}.",
            .hi: "प्रशिक्षण आवेदन {{applicationId}} ({{schemeId}}, {{district}}, {{state}}) {{when}} को चयनित हुआ।",
        ],
        "training.application.rejected": [
            .en:
                "Training application {{applicationId}} ({{schemeId}}, {{district}}) was rejected on {{when}}.{{#reason}} Reason: {{reason}}.{{/reason}}",
            .hi: "प्रशिक्षण आवेदन {{applicationId}} ({{schemeId}}, {{district}}) {{when}} को अस्वीकृत हुआ।{{#reason}} कारण: {{reason}}।{{/reason}}",
        ],
        "training.batch.scheduled": [
            .en: "A {{kind}} training batch {{batchId}} ({{schemeId}}) for {{district}}, {{state}} was scheduled on {{when}}.",
            .hi: "{{district}}, {{state}} के लिए {{kind}} प्रशिक्षण बैच {{batchId}} ({{schemeId}}) {{when}} को निर्धारित हुआ।",
        ],
        "training.batch.started": [
            .en: "Training batch {{batchId}} ({{schemeId}}, {{district}}) started on {{when}}.",
            .hi: "प्रशिक्षण बैच {{batchId}} ({{schemeId}}, {{district}}) {{when}} को शुरू हुआ।",
        ],
        "training.batch.completed": [
            .en: "Training batch {{batchId}} ({{schemeId}}, {{district}}) completed on {{when}}.",
            .hi: "प्रशिक्षण बैच {{batchId}} ({{schemeId}}, {{district}}) {{when}} को पूरा हुआ।",
        ],
        "training.batch.cancelled": [
            .en:
                "Training batch {{batchId}} ({{schemeId}}, {{district}}, {{state}}) was cancelled on {{when}}.{{#cancelledReason}} Reason: {{cancelledReason}}.{{/cancelledReason}}",
            .hi:
                "प्रशिक्षण बैच {{batchId}} ({{schemeId}}, {{district}}, {{state}}) {{when}} को रद्द हुआ।{{#cancelledReason}} कारण: {{cancelledReason}}।{{/cancelledReason}}",
        ],
        "training.enrolment.created": [
            .en: "An artisan was enrolled in training batch {{batchId}} ({{schemeId}}, {{district}}) on {{when}}.",
            .hi: "{{when}} को एक कारीगर प्रशिक्षण बैच {{batchId}} ({{schemeId}}, {{district}}) में नामांकित हुआ।",
        ],
        "training.enrolment.completed": [
            .en: "An enrolment in batch {{batchId}} ({{schemeId}}, {{district}}) completed its training on {{when}}.",
            .hi: "बैच {{batchId}} ({{schemeId}}, {{district}}) में एक नामांकन का प्रशिक्षण {{when}} को पूरा हुआ।",
        ],
        "training.enrolment.dropped": [
            .en:
                "An enrolment in batch {{batchId}} ({{schemeId}}, {{district}}) was dropped on {{when}}.{{#dropReason}} Reason: {{dropReason}}.{{/dropReason}}",
            .hi: "बैच {{batchId}} ({{schemeId}}, {{district}}) से एक नामांकन {{when}} को हटाया गया।",
        ],
        "training.certificate.issued": [
            .en: "A training certificate {{certificateNumber}} ({{schemeId}}, {{district}}, {{state}}) was issued on {{when}}.",
            .hi: "प्रशिक्षण प्रमाणपत्र {{certificateNumber}} ({{schemeId}}, {{district}}, {{state}}) {{when}} को जारी हुआ।",
        ],
        "training.toolkit.issued": [
            .en: "A toolkit voucher worth {{valueRupeesFormatted}} ({{schemeId}}, {{district}}, {{state}}) was issued on {{when}}.",
            .hi: "{{valueRupeesFormatted}} का टूलकिट वाउचर ({{schemeId}}, {{district}}, {{state}}) {{when}} को जारी हुआ।",
        ],
        "training.toolkit.redeemed": [
            .en: "A toolkit voucher worth {{valueRupeesFormatted}} ({{schemeId}}, {{district}}) was redeemed on {{when}}.",
            .hi: "{{valueRupeesFormatted}} का टूलकिट वाउचर ({{schemeId}}, {{district}}) {{when}} को भुनाया गया।",
        ],
        "training.toolkit.delivered": [
            .en: "A toolkit ({{schemeId}}, {{district}}, {{state}}) was delivered on {{when}}.",
            .hi: "एक टूलकिट ({{schemeId}}, {{district}}, {{state}}) {{when}} को सौंपा गया।",
        ],
        "training.stipend.paid": [
            .en: "A stipend of {{amountRupeesFormatted}} for {{attendedDays}} days ({{schemeId}}, {{district}}) was paid on {{when}}.",
            .hi: "{{attendedDays}} दिनों का {{amountRupeesFormatted}} वजीफ़ा ({{schemeId}}, {{district}}) {{when}} को दिया गया।",
        ],
        "training.artisan.erased": [
            .en: "An artisan's personal data was erased on request on {{when}}; counts for reports remain.",
            .hi: "अनुरोध पर {{when}} को एक कारीगर का व्यक्तिगत डेटा मिटाया गया; रिपोर्ट की गिनती बनी रहती है।",
        ],
        // notifications' own
        "notifications.test": [
            .en: "Test message for {{recipient}} from ODOP notifications, sent {{when}}.",
            .hi: "ओडीओपी सूचना सेवा से {{recipient}} के लिए परीक्षण संदेश, {{when}} को भेजा गया।",
        ],
    ]

    /// For a type without a template: readable, from the fields most events carry.
    public static let fallback: [MessageLanguage: String] = [
        .en:
            "{{type}} on {{when}}{{#district}} in {{district}}{{/district}}{{#state}}, {{state}}{{/state}}{{#statusText}} (status: {{statusText}}){{/statusText}}.",
        .hi:
            "{{type}}, {{when}}{{#district}}, {{district}}{{/district}}{{#state}}, {{state}}{{/state}}{{#statusText}} (स्थिति: {{statusText}}){{/statusText}}।",
    ]

    /// The digest's summary line; the groups follow, one line each.
    public static let digest: [MessageLanguage: String] = [
        .en: "{{count}} ODOP updates from {{from}} to {{to}}:",
        .hi: "{{from}} से {{to}} तक ओडीओपी के {{count}} अपडेट:",
    ]

    /// Words the templates use, per language: statuses and plan changes.
    static let words: [MessageLanguage: [String: String]] = [
        .en: [
            "draft": "draft", "prepared": "prepared", "adopted": "adopted", "archived": "archived",
            "active": "active", "retired": "retired",
            "product_added": "a product joined the plan", "product_changed": "a product changed",
            "product_removed": "a product left the plan", "content_updated": "its content was updated",
            "intervention_updated": "an intervention was updated", "review_noted": "an SEPC review was noted",
            "crore": "crore", "other district": "no district",
        ],
        .hi: [
            "draft": "मसौदा", "prepared": "तैयार", "adopted": "अपनाई गई", "archived": "संग्रहीत",
            "active": "सक्रिय", "retired": "हटाया गया",
            "product_added": "एक उत्पाद योजना में जुड़ा", "product_changed": "एक उत्पाद बदला",
            "product_removed": "एक उत्पाद योजना से हटा", "content_updated": "सामग्री अद्यतन हुई",
            "intervention_updated": "एक हस्तक्षेप अद्यतन हुआ", "review_noted": "एसईपीसी समीक्षा दर्ज हुई",
            "crore": "करोड़", "other district": "कोई ज़िला नहीं",
        ],
    ]
}
