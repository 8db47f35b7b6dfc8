#include "pt/PtLayout.h"

namespace pathway::bench::pt {

const std::array<const char*, kInputCount> kInputNames = {
    "age", "sex", "pain_at_pt_start", "pain_now", "pain_quality", "pain_constant",
    "symptom_duration", "pt_duration", "exercise_adherence", "harmful_habits",
    "intensity_adequate", "pt_program", "hip_dysfunction", "foot_dysfunction",
    "radicular_symptoms", "radicular_duration", "prior_imaging", "mri_after_warning_features",
    "disc_herniation", "stenosis", "spondylolisthesis", "ligament_laxity",
    "excess_segmental_motion", "mass_on_imaging", "inflammatory_back_pain",
    "inflammatory_arthropathy", "esr", "crp", "fever", "unexplained_weight_loss",
    "progressive_weakness", "cancer_history", "suspected_fracture",
    "serious_pathology_excluded", "saddle_anaesthesia", "bladder_bowel_dysfunction",
    "cauda_compression_on_imaging", "neuro_exam_by", "reflex_change", "motor_weakness",
    "sensory_deficit", "mri_contraindicated", "bony_detail_needed", "facet_pain_suspected",
    "diagnostic_block_positive", "confirmatory_block_positive", "vertebrogenic_pain",
    "esi_failed"};

const std::array<const char*, kFindingCount> kFindingNames = {
    "pt_not_helping", "non_adherence", "protocol_mismatch", "trial_too_short",
    "intensity_too_low", "adjacent_joint_source", "severe_nerve_compression",
    "structural_instability", "inflammatory_disease_suspected", "raised_inflammatory_markers",
    "infection_or_tumour_suspected", "serious_pathology_suspected", "red_flags", "cauda_equina",
    "neuro_deficit", "persistent_radicular"};

const std::array<const char*, kDefinitionCount> kDefinitionNames = {
    "pain_improvement", "pt_failing", "large_herniation_established",
    "significant_stenosis_established", "execution_problem", "conservative_care_failed",
    "compressive_lesion", "severe_instability", "esr_limit_adjustable", "esr_above_age_limit",
    "esr_raised", "markers_raised", "mass_seen", "serious_pathology_ruled_out",
    "pt_delivery_unrecorded", "raised_marker_measured", "complicated", "workup_warranted",
    "specialist_examined", "neuro_exam_incomplete", "mri_predates_warning",
    "esi_tried_and_failed", "esi_indicated", "block_pending", "nerve_block_indicated",
    "rfa_indicated", "compression_failed_injection"};

const std::array<const char*, kRecommendationCount> kRecommendationNames = {
    "immediate_medical_evaluation", "cauda_equina_emergency", "exclude_serious_pathology",
    "emergency_mri_cauda_equina", "emergency_ct_cauda_equina", "screen_red_flags",
    "record_cancer_history", "rheumatology_immunomodulatory", "continue_current_pt",
    "resume_pt_after_fixes", "address_adherence", "individualise_protocol",
    "continue_pt_adequate_duration", "intensify_exercise", "treat_adjacent_joints",
    "assess_hips_feet", "record_pain_scores", "record_pt_delivery", "specialist_reevaluation",
    "neurological_exam", "neurology_review", "orthopaedic_review", "record_symptom_duration",
    "mri_lumbar", "ct_spine", "xray_not_sufficient", "inflammatory_labs", "ncs_emg",
    "epidural_steroid_injection", "facet_nerve_block", "radiofrequency_ablation",
    "injection_rehab_window", "basivertebral_nerve_ablation", "prolotherapy",
    "spinal_surgery_referral", "emergency_decompression"};

}  // namespace pathway::bench::pt
