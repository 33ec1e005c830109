/**
 * Common given names by language and family-name endings, for telling a column of names
 * from one of words. A documented list, not a census: no small, maintained multilingual
 * names dataset exists on npm (gender-detection-from-name covers 6 languages in 2.1 MB),
 * so this holds ~30 of the most frequent given names per language from national
 * statistics offices' published top-name lists (as of the early 2020s), romanised and native
 * forms, folded like headers. A column matches when most of its values start with one
 * of them (or, for family names, end in a typical ending); it only adds evidence to what
 * the header says.
 */
export const GIVEN_NAMES = [
  // en
  'james|john|robert|michael|william|david|richard|joseph|thomas|charles|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|jane|tom|mark|paul|peter|anna|emma|olivia|sophia|oliver|jack|harry|george|emily|chris|daniel|matthew|anthony|andrew|priya|raj|omar|mei|luis|maria|jose|juan|carlos',
  // de, nl, fr, es, it, pt
  'hans|klaus|jurgen|stefan|andreas|michael|frank|thomas|jonas|lukas|leon|felix|anna|ursula|sabine|petra|monika|julia|lena|lea|hannah|jan|daan|sem|sanne|lotte|fleur|pierre|jean|michel|philippe|nicolas|hugo|louis|claire|marie|camille|chloe|lea|manon|javier|antonio|manuel|francisco|david|lucia|carmen|laura|marta|giuseppe|giovanni|marco|luca|francesco|alessandro|giulia|francesca|chiara|sofia|joao|pedro|tiago|ana|beatriz|mariana',
  // nordic
  'lars|anders|johan|erik|karl|nils|per|lars|mikael|henrik|mette|karin|eva|kristina|ingrid|maja|elsa|astrid|sofie|anne|ole|jens|soren|niels|rasmus|freja|ida|kari|ola|knut|bjorn|sigrid|ingeborg|mikko|jukka|timo|matti|juha|antti|aino|sanna|laura|tiina|liisa|sari|jon|gudrun|sigurdur',
  // baltic, slavic (latin)
  'janis|andris|martins|liga|ilze|inese|jonas|tomas|mantas|rasa|egle|ruta|tanel|mart|kadri|kertu|jan|tomas|martin|jakub|petr|pavel|lucie|petra|eva|jana|tereza|piotr|krzysztof|andrzej|tomasz|pawel|anna|katarzyna|malgorzata|agnieszka|marek|ivan|marko|ivana|ana|luka|ana|matej|nina|maja|jure|gabor|laszlo|peter|istvan|zoltan|eszter|zsofia|katalin|ildiko|andrei|mihai|alexandru|elena|ioana|maria|georgi|dimitar|ivanka',
  // cyrillic, greek
  'александр|сергей|дмитрий|андрей|алексей|иван|михаил|ольга|елена|наталья|татьяна|ирина|анна|мария|олена|андрій|ірина|дмитро|наталія|сергій|олександр|іван|георги|димитър|иван|мария|γιώργος|γιάννης|κωνσταντίνος|δημήτρης|νίκος|μαρία|ελένη|αικατερίνη|σοφία',
  // tr, mt, ga
  'mehmet|mustafa|ahmet|ali|huseyin|hasan|ibrahim|emre|zeynep|elif|fatma|ayse|emine|merve|seán|sean|padraig|siobhan|aoife|ciara|niamh|joseph|maria|carmel',
  // pt-BR: the most frequent given names of the IBGE 2010 census ("Nomes no Brasil"), both sexes
  'maria|jose|ana|joao|antonio|francisco|carlos|paulo|pedro|lucas|luiz|marcos|luis|gabriel|rafael|francisca|daniel|marcelo|bruno|eduardo|felipe|raimundo|rodrigo|antonia|adriana|juliana|marcia|fernanda|patricia|aline',
  // vi: the given name is a Vietnamese full name's last word ("Nguyễn Văn An"); frequent ones, from the
  // published frequency lists of Vietnamese given names (family names come first and are too few to tell)
  'anh|minh|linh|huong|hung|tuan|dung|hoa|lan|trang|ngoc|phuong|duc|hieu|quang|thanh|thu|binh|khanh|thao|huy|hong|trung|hanh|nhung|yen|thuy|tien|phuc|hien|cuong|vinh',
].join('|');

/** Family-name endings frequent in the languages the lexicon covers (folded). */
export const FAMILY_NAME_ENDINGS = [
  'sen', 'son', 'sson', 'nen', 'inen', 'ainen', 'lainen', 'ova', 'ová', 'ski', 'ska', 'cki', 'cka', 'wicz', 'czyk', 'ak', 'ek', 'ik',
  'ic', 'ić', 'vić', 'ov', 'ova', 'ev', 'eva', 'in', 'ina', 'enko', 'chuk', 'uk', 'yk', 'ko', 'ian', 'yan', 'dze', 'shvili', 'escu', 'eanu',
  'oglu', 'oğlu', 'ides', 'opoulos', 'akis', 'ou', 'aitis', 'aite', 'iene', 'ys', 'is', 'as', 'ins', 'ens', 'mann', 'er', 'ez', 'es', 'ini',
  'elli', 'etti', 'berg', 'strom', 'lund', 'quist', 'vist', 'gaard', 'holm', 'dal', 'stad', 'land', 'ов', 'ова', 'ев', 'ева', 'ин', 'ина',
  'ский', 'ская', 'енко', 'ук', 'юк', 'чук', 'ич', 'ян', 'ος', 'ης', 'ας', 'ου', 'ακης', 'ιδης', 'όπουλος', 'οπουλος',
];
