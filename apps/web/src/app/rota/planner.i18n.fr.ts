/** French texts of the planner's bulk actions, candidates, fixes and history (under `rota.planner`). */
export const PLANNER_FR = {
  bulk: {
    title: {
      copy: 'Copier la semaine précédente dans la semaine {{ n }}',
      templates: 'Appliquer les modèles à la semaine {{ n }}',
    },
    summary:
      'À ajouter : {{ add }} (dont {{ open }} à pourvoir) · ignorés : {{ skip }}. Rien n’est encore enregistré.',
    added: 'À ajouter ({{ count }})',
    skipped: 'Ignorés ({{ count }})',
    nothing: 'Rien à ajouter : tout est déjà dans la semaine ou tombe un jour fermé.',
    apply: 'Ajouter {{ count }} créneau(x)',
    done: '{{ created }} créneau(x) ajouté(s) ({{ open }} à pourvoir), {{ skipped }} ignoré(s). « Annuler » les retire en une fois.',
    nothingDone: 'Rien ajouté : tout était déjà là.',
    undone: 'Action annulée : « {{ label }} ».',
  },
  candidates: {
    title: 'Qui peut prendre ce créneau ?',
    intro:
      '{{ count }} personne(s) peuvent le prendre sans nouveau problème bloquant, la plus indiquée en premier :',
    none: 'Personne ne peut le prendre sans problème bloquant cette semaine : changez ses heures ou prêtez quelqu’un d’un autre site.',
    assign: 'Attribuer',
    assignTo: 'Attribuer à {{ name }}',
    assigned: '{{ slot }} attribué à {{ name }}.',
    reinforce: 'Qui peut renforcer l’accueil ?',
    open: 'Qui peut le prendre ?',
  },
  fixes: {
    title: 'Correctifs',
    apply: 'Appliquer',
    applyLabel: 'Appliquer : {{ label }}',
    applied: 'Correctif appliqué : {{ label }}.',
    loading: 'Recherche de correctifs…',
    none: 'Aucun correctif automatique sans autre problème bloquant : corrigez à la main.',
  },
  publish: {
    required:
      'Justification obligatoire : expliquez pourquoi ces points sont acceptés avant de publier.',
  },
};
