#include "pt/PtLayout.h"

namespace pathway::bench::pt {

const std::array<const char*, kInputCount> kInputNames = {
    "pain_at_pt_start", "pain_now", "pain_quality", "pain_constant", "symptom_duration",
    "pt_duration", "exercise_adherence", "harmful_habits", "intensity_adequate", "pt_program",
    "hip_dysfunction", "foot_dysfunction", "radicular_symptoms", "radicular_duration",
    "prior_imaging", "disc_herniation", "stenosis", "spondylolisthesis", "ligament_laxity",
    "excess_segmental_motion", "inflammatory_back_pain", "inflammatory_arthropathy", "esr", "crp",
    "fever", "unexplained_weight_loss", "progressive_weakness", "cancer_history",
    "saddle_anaesthesia", "bladder_bowel_dysfunction", "reflex_change", "motor_weakness",
    "sensory_deficit", "mri_contraindicated", "bony_detail_needed", "facet_pain_suspected",
    "diagnostic_block_positive", "vertebrogenic_pain"};

const std::array<const char*, kFindingCount> kFindingNames = {
    "pt_not_helping", "non_adherence", "protocol_mismatch", "trial_too_short",
    "intensity_too_low", "adjacent_joint_source", "severe_nerve_compression",
    "structural_instability", "inflammatory_disease_suspected", "raised_inflammatory_markers",
    "infection_or_tumour_suspected", "red_flags", "cauda_equina", "neuro_deficit",
    "persistent_radicular"};

const std::array<const char*, kDefinitionCount> kDefinitionNames = {
    "pain_improvement", "large_herniation_established", "significant_stenosis_established",
    "execution_problem", "compressive_lesion", "severe_instability", "markers_raised",
    "raised_marker_measured", "complicated", "workup_warranted", "esi_indicated",
    "nerve_block_indicated", "rfa_indicated"};

const std::array<const char*, kRecommendationCount> kRecommendationNames = {
    "address_adherence", "individualise_protocol", "continue_pt_adequate_duration",
    "intensify_exercise", "treat_adjacent_joints", "assess_hips_feet", "record_pain_scores",
    "immediate_medical_evaluation", "cauda_equina_emergency", "screen_red_flags",
    "rheumatology_immunomodulatory", "specialist_reevaluation", "neurological_exam",
    "neurology_review", "orthopaedic_review", "mri_lumbar", "ct_spine", "xray_not_sufficient",
    "inflammatory_labs", "ncs_emg", "epidural_steroid_injection", "facet_nerve_block",
    "radiofrequency_ablation", "injection_rehab_window", "basivertebral_nerve_ablation",
    "prolotherapy", "spinal_surgery_referral", "emergency_decompression"};

}  // namespace pathway::bench::pt
