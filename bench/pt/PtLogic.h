// pathways/pt_failure.pw transcribed by hand, once, over an abstract
// three-valued domain D. D supplies Bool and Number types with the Kleene
// operators (& and, | or, ~ not; comparisons of a Number with a constant;
// eq/ne/in for enum labels; known()), reads inputs and receives outputs.
// PtRow.h instantiates it for one patient (value/known/mask planes, branch
// free); PtBitsliced.h for 64 patients per machine word. Constants are in the
// inputs' declared units, as the compiler converts them.
#ifndef PATHWAY_BENCH_PT_PTLOGIC_H
#define PATHWAY_BENCH_PT_PTLOGIC_H

#include "pt/PtLayout.h"

namespace pathway::bench::pt {

template <typename D>
inline void evaluatePt(D& d) {
  using B = typename D::Bool;
  using N = typename D::Number;
  // Enum label indices, in declaration order.
  constexpr double kSharp = 1, kElectrical = 2;             // PainQuality
  constexpr double kGeneralConditioning = 0;               // PtProgram
  constexpr double kSmall = 1, kLarge = 2;                 // DiscHerniation
  constexpr double kModerate = 2, kSevere = 3;             // StenosisGrade
  constexpr double kLowGrade = 1, kHighGrade = 2;          // Spondylolisthesis
  constexpr double kXrayOnly = 1, kMri = 3;                // ImagingDone

  const N pain_at_pt_start = d.number(kPainAtPtStart), pain_now = d.number(kPainNow);
  const N pain_quality = d.number(kPainQuality), symptom_duration = d.number(kSymptomDuration);
  const N pt_duration = d.number(kPtDuration), exercise_adherence = d.number(kExerciseAdherence);
  const N pt_program = d.number(kPtProgram), radicular_duration = d.number(kRadicularDuration);
  const N prior_imaging = d.number(kPriorImaging), disc_herniation = d.number(kDiscHerniation);
  const N stenosis = d.number(kStenosis), spondylolisthesis = d.number(kSpondylolisthesis);
  const N esr = d.number(kEsr), crp = d.number(kCrp);
  const B pain_constant = d.boolean(kPainConstant), harmful_habits = d.boolean(kHarmfulHabits);
  const B intensity_adequate = d.boolean(kIntensityAdequate);
  const B hip_dysfunction = d.boolean(kHipDysfunction);
  const B foot_dysfunction = d.boolean(kFootDysfunction);
  const B radicular_symptoms = d.boolean(kRadicularSymptoms);
  const B ligament_laxity = d.boolean(kLigamentLaxity);
  const B excess_segmental_motion = d.boolean(kExcessSegmentalMotion);
  const B inflammatory_back_pain = d.boolean(kInflammatoryBackPain);
  const B inflammatory_arthropathy = d.boolean(kInflammatoryArthropathy);
  const B fever = d.boolean(kFever), unexplained_weight_loss = d.boolean(kUnexplainedWeightLoss);
  const B progressive_weakness = d.boolean(kProgressiveWeakness);
  const B cancer_history = d.boolean(kCancerHistory);
  const B saddle_anaesthesia = d.boolean(kSaddleAnaesthesia);
  const B bladder_bowel_dysfunction = d.boolean(kBladderBowelDysfunction);
  const B reflex_change = d.boolean(kReflexChange), motor_weakness = d.boolean(kMotorWeakness);
  const B sensory_deficit = d.boolean(kSensoryDeficit);
  const B mri_contraindicated = d.boolean(kMriContraindicated);
  const B bony_detail_needed = d.boolean(kBonyDetailNeeded);
  const B facet_pain_suspected = d.boolean(kFacetPainSuspected);
  const B diagnostic_block_positive = d.boolean(kDiagnosticBlockPositive);
  const B vertebrogenic_pain = d.boolean(kVertebrogenicPain);

  // S0
  const N pain_improvement = d.sub(pain_at_pt_start, pain_now);
  const B pt_not_helping = d.lt(pain_improvement, 2);
  // S1
  const B non_adherence = d.lt(exercise_adherence, 80) | harmful_habits;
  const B large_herniation_established =
      d.known(disc_herniation) & d.eq(disc_herniation, kLarge);
  const B significant_stenosis_established =
      d.known(stenosis) & d.in(stenosis, kModerate, kSevere);
  const B protocol_mismatch = d.eq(pt_program, kGeneralConditioning) &
                              (large_herniation_established | significant_stenosis_established);
  const B trial_too_short = d.lt(pt_duration, 6);
  const B intensity_too_low = ~intensity_adequate;
  const B adjacent_joint_source = hip_dysfunction | foot_dysfunction;
  const B execution_problem = non_adherence | protocol_mismatch | trial_too_short |
                              intensity_too_low | adjacent_joint_source;
  // S2
  const B severe_nerve_compression = pain_constant & d.ge(pain_now, 7) &
                                     d.in(pain_quality, kSharp, kElectrical);
  const B compressive_lesion =
      d.in(disc_herniation, kSmall, kLarge) | d.in(stenosis, kModerate, kSevere);
  const B structural_instability = d.in(spondylolisthesis, kLowGrade, kHighGrade) |
                                   ligament_laxity | excess_segmental_motion;
  const B severe_instability = d.eq(spondylolisthesis, kHighGrade) |
                               (d.eq(spondylolisthesis, kLowGrade) & excess_segmental_motion);
  const B inflammatory_disease_suspected = inflammatory_back_pain | inflammatory_arthropathy;
  const B markers_raised = d.gt(esr, 20) | d.gt(crp, 10);
  const B raised_inflammatory_markers = markers_raised;
  const B infection_or_tumour_suspected = fever | unexplained_weight_loss | cancer_history;
  const B red_flags = unexplained_weight_loss | fever | progressive_weakness;
  const B cauda_equina = saddle_anaesthesia | bladder_bowel_dysfunction;
  // S3
  const B neuro_deficit = reflex_change | motor_weakness | sensory_deficit;
  const B persistent_radicular = radicular_symptoms & d.ge(radicular_duration, 6);
  const B raised_marker_measured =
      (d.known(esr) & d.gt(esr, 20)) | (d.known(crp) & d.gt(crp, 10));
  const B complicated = red_flags | cauda_equina | neuro_deficit | severe_nerve_compression |
                        inflammatory_disease_suspected | infection_or_tumour_suspected |
                        raised_marker_measured |
                        (d.known(severe_instability) & severe_instability);
  const B workup_warranted = (pt_not_helping & ~execution_problem) | complicated;
  // S4
  const B esi_indicated = workup_warranted & radicular_symptoms & compressive_lesion;
  const B nerve_block_indicated =
      workup_warranted & facet_pain_suspected & ~d.known(diagnostic_block_positive);
  const B rfa_indicated = workup_warranted & facet_pain_suspected & diagnostic_block_positive;

  d.finding(kPtNotHelping, pt_not_helping);
  d.finding(kNonAdherence, non_adherence);
  d.finding(kProtocolMismatch, protocol_mismatch);
  d.finding(kTrialTooShort, trial_too_short);
  d.finding(kIntensityTooLow, intensity_too_low);
  d.finding(kAdjacentJointSource, adjacent_joint_source);
  d.finding(kSevereNerveCompression, severe_nerve_compression);
  d.finding(kStructuralInstability, structural_instability);
  d.finding(kInflammatoryDiseaseSuspected, inflammatory_disease_suspected);
  d.finding(kRaisedInflammatoryMarkers, raised_inflammatory_markers);
  d.finding(kInfectionOrTumourSuspected, infection_or_tumour_suspected);
  d.finding(kRedFlags, red_flags);
  d.finding(kCaudaEquina, cauda_equina);
  d.finding(kNeuroDeficit, neuro_deficit);
  d.finding(kPersistentRadicular, persistent_radicular);

  d.definition(kPainImprovement, pain_improvement);
  d.definition(kLargeHerniationEstablished, large_herniation_established);
  d.definition(kSignificantStenosisEstablished, significant_stenosis_established);
  d.definition(kExecutionProblem, execution_problem);
  d.definition(kCompressiveLesion, compressive_lesion);
  d.definition(kSevereInstability, severe_instability);
  d.definition(kMarkersRaised, markers_raised);
  d.definition(kRaisedMarkerMeasured, raised_marker_measured);
  d.definition(kComplicated, complicated);
  d.definition(kWorkupWarranted, workup_warranted);
  d.definition(kEsiIndicated, esi_indicated);
  d.definition(kNerveBlockIndicated, nerve_block_indicated);
  d.definition(kRfaIndicated, rfa_indicated);

  // Conditions; red flags and cauda equina supersede the execution fixes.
  const B immediate = red_flags;
  const B emergency = cauda_equina;
  const B notSuperseded = ~immediate & ~emergency;
  auto superseded = [&](Recommendation r, const B& condition) {
    d.recommendation(r, condition, condition & notSuperseded);
  };
  auto plain = [&](Recommendation r, const B& condition) {
    d.recommendation(r, condition, condition);
  };
  superseded(kAddressAdherence, non_adherence);
  superseded(kIndividualiseProtocol, protocol_mismatch);
  superseded(kContinuePtAdequateDuration, trial_too_short);
  superseded(kIntensifyExercise, intensity_too_low);
  superseded(kTreatAdjacentJoints, adjacent_joint_source);
  plain(kAssessHipsFeet,
        pt_not_helping & (~d.known(hip_dysfunction) | ~d.known(foot_dysfunction)));
  plain(kRecordPainScores, ~d.known(pain_at_pt_start) | ~d.known(pain_now));
  plain(kImmediateMedicalEvaluation, immediate);
  plain(kCaudaEquinaEmergency, emergency);
  plain(kScreenRedFlags, ~d.known(fever) | ~d.known(unexplained_weight_loss) |
                             ~d.known(progressive_weakness) | ~d.known(cancer_history) |
                             ~d.known(saddle_anaesthesia) |
                             ~d.known(bladder_bowel_dysfunction));
  plain(kRheumatologyImmunomodulatory,
        inflammatory_arthropathy | (inflammatory_back_pain & markers_raised));
  plain(kSpecialistReevaluation, workup_warranted);
  plain(kNeurologicalExam,
        (~d.known(reflex_change) | ~d.known(motor_weakness) | ~d.known(sensory_deficit)) &
            (pt_not_helping | radicular_symptoms));
  plain(kNeurologyReview, neuro_deficit);
  plain(kOrthopaedicReview, workup_warranted & structural_instability);
  plain(kMriLumbar, workup_warranted & d.ne(prior_imaging, kMri) & ~mri_contraindicated);
  plain(kCtSpine, workup_warranted & (mri_contraindicated | bony_detail_needed));
  plain(kXrayNotSufficient, workup_warranted & d.eq(prior_imaging, kXrayOnly));
  plain(kInflammatoryLabs, (inflammatory_disease_suspected | infection_or_tumour_suspected) &
                               (~d.known(esr) | ~d.known(crp)));
  plain(kNcsEmg, workup_warranted & persistent_radicular);
  plain(kEpiduralSteroidInjection, esi_indicated);
  plain(kFacetNerveBlock, nerve_block_indicated);
  plain(kRadiofrequencyAblation, rfa_indicated);
  plain(kInjectionRehabWindow, esi_indicated | nerve_block_indicated | rfa_indicated);
  plain(kBasivertebralNerveAblation,
        workup_warranted & vertebrogenic_pain & d.ge(symptom_duration, 6));
  plain(kProlotherapy, workup_warranted & ligament_laxity & d.ge(symptom_duration, 3) &
                           ~severe_instability);
  plain(kSpinalSurgeryReferral,
        severe_instability |
            (progressive_weakness & (severe_nerve_compression | compressive_lesion)));
  plain(kEmergencyDecompression, emergency);
}

}  // namespace pathway::bench::pt

#endif  // PATHWAY_BENCH_PT_PTLOGIC_H
