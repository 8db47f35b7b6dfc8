"""The PT-failure pathway (pathways/pt_failure.pw 1.0.0) transcribed by hand
into vectorised pandas: the baseline of bench/python/bench_python.py.

Three-valued logic is pandas' own: nullable ``boolean`` arrays implement
Kleene ``&``, ``|`` and ``~`` (false & NA = false, true | NA = true), and
comparisons of nullable numbers with NA give NA. Enum tests are NA where
the enum is unknown (``x in {a, b}`` with x unknown is unknown). Statuses
apply supersedes as the runtime does: a recommendation is `no` when a
superseder fired, `undetermined` when its condition is true or unknown and
a superseder is undetermined, else its condition decides. The supersedes
table is read from the library (data, not logic).
"""
from __future__ import annotations

from typing import Dict, Mapping, Sequence

import numpy as np
import pandas as pd


def _num(frame: pd.DataFrame, name: str) -> pd.Series:
    s = frame[name] if name in frame else pd.Series(pd.NA, index=frame.index, dtype="Float64")
    return s.astype("Float64")


def _bool(frame: pd.DataFrame, name: str) -> pd.Series:
    s = frame[name] if name in frame else pd.Series(pd.NA, index=frame.index, dtype="boolean")
    return s.astype("boolean")


def _known(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series(False, index=frame.index, dtype="boolean")
    return frame[name].notna().astype("boolean")


def _in(frame: pd.DataFrame, name: str, labels: Sequence[str]) -> pd.Series:
    s = frame[name] if name in frame else pd.Series(pd.NA, index=frame.index, dtype=object)
    return s.isin(labels).astype("boolean").mask(s.isna())


def conditions(frame: pd.DataFrame) -> Dict[str, pd.Series]:
    """Each recommendation's own condition (before supersedes), nullable boolean."""
    n, b, k, e = (lambda x: _num(frame, x)), (lambda x: _bool(frame, x)), \
        (lambda x: _known(frame, x)), (lambda x, *labels: _in(frame, x, labels))
    unk = lambda x: ~k(x)  # noqa: E731

    pain_improvement = n("pain_at_pt_start") - n("pain_now")
    pt_not_helping = pain_improvement < 2
    non_adherence = (n("exercise_adherence") < 80) | b("harmful_habits")
    large_herniation_established = k("disc_herniation") & e("disc_herniation", "large")
    significant_stenosis_established = k("stenosis") & e("stenosis", "moderate", "severe")
    protocol_mismatch = e("pt_program", "general_conditioning") & (
        large_herniation_established | significant_stenosis_established)
    trial_too_short = n("pt_duration") < 6
    intensity_too_low = ~b("intensity_adequate")
    adjacent_joint_source = b("hip_dysfunction") | b("foot_dysfunction")
    execution_problem = (non_adherence | protocol_mismatch | trial_too_short | intensity_too_low
                         | adjacent_joint_source)
    severe_nerve_compression = (b("pain_constant") & (n("pain_now") >= 7)
                                & e("pain_quality", "sharp", "electrical"))
    compressive_lesion = e("disc_herniation", "small", "large") | e("stenosis", "moderate", "severe")
    structural_instability = (e("spondylolisthesis", "low_grade", "high_grade") | b("ligament_laxity")
                              | b("excess_segmental_motion"))
    severe_instability = e("spondylolisthesis", "high_grade") | (
        e("spondylolisthesis", "low_grade") & b("excess_segmental_motion"))
    inflammatory_disease_suspected = b("inflammatory_back_pain") | b("inflammatory_arthropathy")
    markers_raised = (n("esr") > 20) | (n("crp") > 10)
    infection_or_tumour_suspected = b("fever") | b("unexplained_weight_loss") | b("cancer_history")
    red_flags = b("unexplained_weight_loss") | b("fever") | b("progressive_weakness")
    cauda_equina = b("saddle_anaesthesia") | b("bladder_bowel_dysfunction")
    neuro_deficit = b("reflex_change") | b("motor_weakness") | b("sensory_deficit")
    persistent_radicular = b("radicular_symptoms") & (n("radicular_duration") >= 6)
    raised_marker_measured = (k("esr") & (n("esr") > 20)) | (k("crp") & (n("crp") > 10))
    known_severe_instability = severe_instability.notna().astype("boolean")
    complicated = (red_flags | cauda_equina | neuro_deficit | severe_nerve_compression
                   | inflammatory_disease_suspected | infection_or_tumour_suspected | raised_marker_measured
                   | (known_severe_instability & severe_instability))
    workup_warranted = (pt_not_helping & ~execution_problem) | complicated
    esi_indicated = workup_warranted & b("radicular_symptoms") & compressive_lesion
    nerve_block_indicated = workup_warranted & b("facet_pain_suspected") & unk("diagnostic_block_positive")
    rfa_indicated = workup_warranted & b("facet_pain_suspected") & b("diagnostic_block_positive")
    return {
        "address_adherence": non_adherence,
        "individualise_protocol": protocol_mismatch,
        "continue_pt_adequate_duration": trial_too_short,
        "intensify_exercise": intensity_too_low,
        "treat_adjacent_joints": adjacent_joint_source,
        "assess_hips_feet": pt_not_helping & (unk("hip_dysfunction") | unk("foot_dysfunction")),
        "record_pain_scores": unk("pain_at_pt_start") | unk("pain_now"),
        "immediate_medical_evaluation": red_flags,
        "cauda_equina_emergency": cauda_equina,
        "screen_red_flags": (unk("fever") | unk("unexplained_weight_loss") | unk("progressive_weakness")
                             | unk("cancer_history") | unk("saddle_anaesthesia")
                             | unk("bladder_bowel_dysfunction")),
        "rheumatology_immunomodulatory": b("inflammatory_arthropathy") | (
            b("inflammatory_back_pain") & markers_raised),
        "specialist_reevaluation": workup_warranted,
        "neurological_exam": (unk("reflex_change") | unk("motor_weakness") | unk("sensory_deficit"))
        & (pt_not_helping | b("radicular_symptoms")),
        "neurology_review": neuro_deficit,
        "orthopaedic_review": workup_warranted & structural_instability,
        "mri_lumbar": workup_warranted & ~e("prior_imaging", "mri") & ~b("mri_contraindicated"),
        "ct_spine": workup_warranted & (b("mri_contraindicated") | b("bony_detail_needed")),
        "xray_not_sufficient": workup_warranted & e("prior_imaging", "xray_only"),
        "inflammatory_labs": (inflammatory_disease_suspected | infection_or_tumour_suspected)
        & (unk("esr") | unk("crp")),
        "ncs_emg": workup_warranted & persistent_radicular,
        "epidural_steroid_injection": esi_indicated,
        "facet_nerve_block": nerve_block_indicated,
        "radiofrequency_ablation": rfa_indicated,
        "injection_rehab_window": esi_indicated | nerve_block_indicated | rfa_indicated,
        "basivertebral_nerve_ablation": workup_warranted & b("vertebrogenic_pain")
        & (n("symptom_duration") >= 6),
        "prolotherapy": workup_warranted & b("ligament_laxity") & (n("symptom_duration") >= 3)
        & ~severe_instability,
        "spinal_surgery_referral": severe_instability | (
            b("progressive_weakness") & (severe_nerve_compression | compressive_lesion)),
        "emergency_decompression": cauda_equina,
    }


def statuses(frame: pd.DataFrame, supersedes: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Status of every recommendation ('fire', 'no', 'undetermined') after supersedes."""
    conds = conditions(frame)
    superseders: Dict[str, list] = {code: [] for code in conds}
    for code, suppressed in supersedes.items():
        for s in suppressed:
            superseders[s].append(code)
    fire: Dict[str, np.ndarray] = {}
    undetermined: Dict[str, np.ndarray] = {}

    def decide(code: str) -> None:
        if code in fire:
            return
        c = conds[code]
        c_true = c.fillna(False).to_numpy(dtype=bool)
        c_unknown = c.isna().to_numpy()
        any_fire = np.zeros(len(frame), dtype=bool)
        any_undetermined = np.zeros(len(frame), dtype=bool)
        for s in superseders[code]:
            decide(s)
            any_fire |= fire[s]
            any_undetermined |= undetermined[s]
        live = ~any_fire & (c_true | c_unknown)
        undetermined[code] = live & (c_unknown | any_undetermined)
        fire[code] = live & ~undetermined[code]

    out = {}
    for code in conds:
        decide(code)
        codes = np.where(fire[code], 0, np.where(undetermined[code], 2, 1)).astype(np.int8)
        out[code] = pd.Categorical.from_codes(codes, categories=["fire", "no", "undetermined"])
    return pd.DataFrame(out, index=frame.index)
