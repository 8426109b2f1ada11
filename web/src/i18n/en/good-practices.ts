import type { jaGoodPractices } from '../ja/good-practices';

/** English strings: the good-practice library (NA-2, MI-3, KU-4) (see ../en.ts). */
export const enGoodPractices: Record<keyof typeof jaGoodPractices, string> = {
  'nav.goodPractices': 'Good-practice library',

  'gp.title': 'Good-practice library',
  'gp.intro':
    'Stories of how a municipality, a provider or a coordinator solved a problem, shared across the prefecture without personal data, so that someone with the same problem can be put in touch with the people who solved it. Published stories are read by every staff user of the prefecture; drafts only by the staff of their area.',
  'gp.new': 'Write a story',
  'gp.filter': 'Filter',
  'gp.results': 'Stories',
  'gp.q': 'Keywords',
  'gp.q.hint': 'Searches the title, summary and text (words separated by spaces must all occur)',
  'gp.status': 'State',
  'gp.anyStatus': 'All (published, and drafts of your area)',
  'gp.topic': 'Consultation topic',
  'gp.anyTopic': 'Any topic',
  'gp.lifeElement': 'Life element',
  'gp.anyLifeElement': 'Any life element',
  'gp.request': 'Kind of problem (what the municipality asked)',
  'gp.anyRequest': 'Any kind',
  'gp.careItem': 'Medical care',
  'gp.anyCareItem': 'Any care',
  'gp.region': 'Region',
  'gp.anyRegion': 'Any region',
  'gp.caption': 'Good-practice stories',
  'gp.empty': 'No story matches.',
  'gp.story': 'Story',
  'gp.theme': 'Themes',
  'gp.area': 'Area',
  'gp.solver': 'Solved by',
  'gp.when': 'When',
  'gp.publishedOn': 'Published {date}',
  'gp.updatedOn': 'Updated {date}',
  'gp.hasContact': 'Contact available',
  'gp.back': 'Back to the good-practice library',

  'gp.summary': 'Summary',
  'gp.body': 'Story',
  'gp.tags': 'Themes',
  'gp.lifeStage': 'Life stage',
  'gp.municipalAction': 'What the municipality did',
  'gp.solvedOn': 'Solved',
  'gp.contact': 'Contact (who solved it)',
  'gp.contact.intro':
    'To hear more about this story, the centre puts you in touch with this person, who has agreed to be contacted.',
  'gp.contact.consent': 'Agreed on {date}',
  'gp.noContact':
    'No contact person is recorded. Ask the centre to contact the municipality or organisation that solved it.',
  'gp.source': 'Source record',
  'gp.source.hidden': 'Written from a {kind} (the source is shown only to staff who may read it).',
  'gp.source.none': 'None (written directly)',
  'gp.history': 'Writing and review',
  'gp.author': 'Written',
  'gp.checkedBy': 'Checked for personal data',
  'gp.publishedBy': 'Published',
  'gp.notYet': 'Not yet',

  'gp.edit': 'Edit',
  'gp.edit.warnPublished':
    'Saving takes the story back to draft: another member of staff has to check it for personal data again.',
  'gp.review': 'Personal-data check and publishing',
  'gp.review.draft':
    'Before publishing, someone other than the author and the last editor confirms that the story holds no personal data.',
  'gp.review.selfOnly': 'The check is done by another member of staff. Ask a colleague to check it.',
  'gp.review.checked':
    'The story has been checked. Once published, every staff user of the prefecture can read it.',
  'gp.review.published': 'Published to every staff user of the prefecture.',
  'gp.flags': 'Found by the automatic check',
  'gp.flags.none':
    'The automatic check found nothing that looks like personal data. Still read the story before confirming.',
  'gp.flags.blocking':
    'Personal data of the source record. Remove it from the story before it can be checked.',
  'gp.flags.ack': 'Not personal data (looked at)',
  'gp.confirm': 'I confirm',
  'gp.check': 'Confirm there is no personal data',
  'gp.publish': 'Publish to the prefecture',
  'gp.withdraw': 'Withdraw and return to draft',
  'gp.checkedMsg': 'The personal-data check is recorded.',
  'gp.publishedMsg': 'Published.',
  'gp.withdrawnMsg': 'Returned to draft.',

  'gp.form.newTitle': 'Write a good-practice story',
  'gp.form.editTitle': 'Edit a good-practice story',
  'gp.form.intro':
    'Write so that no one can be identified (a child as “A, 3 years old, tube feeding”). Saving keeps it as a draft; another member of staff checks it for personal data before it is published.',
  'gp.form.from': 'Source: {label}',
  'gp.form.fromNote':
    'Only what carries no personal data (themes, area, dates) was copied from the source. Write the story in your own words.',
  'gp.f.title': 'Title',
  'gp.f.title.hint':
    'What was solved and how (e.g. “A nursery without a nurse took in a child with tube feeding”)',
  'gp.f.summary': 'Summary',
  'gp.f.summary.hint': 'Shown in the list and in “who solved this before” (two or three sentences)',
  'gp.f.body': 'Story (Markdown)',
  'gp.f.body.hint':
    'Use “## Heading” for sections. Suggested order: situation → problem → what was done → result → tips.',
  'gp.f.region': 'Region',
  'gp.f.municipality': 'Municipality',
  'gp.f.municipality.whole': 'The whole region',
  'gp.f.solverMunicipality': 'Municipality that solved it',
  'gp.f.solverOrganisation': 'Organisation that solved it',
  'gp.f.solverOrganisation.search': 'Find an organisation by name',
  'gp.f.solverText': 'Who solved it (in words)',
  'gp.f.solverText.hint':
    'E.g. the disability welfare division, a home-visit nursing station with the childcare division (no personal names)',
  'gp.f.contact': 'Contact person',
  'gp.f.contact.search': 'Find a person of the network by name',
  'gp.f.contact.hint': 'A person of the network directory. Choose someone only with their consent.',
  'gp.f.contactConsentOn': 'Day the person agreed to be contacted',
  'gp.f.contactNote': 'Note for putting people in touch',
  'gp.f.none': 'None',
  'gp.f.solvedOn': 'When it was solved (date)',
  'gp.f.noMatch': 'No match',
  'gp.f.save': 'Save as draft',

  'gp.suggest.title': 'Who solved this before',
  'gp.suggest.intro':
    'Published good-practice stories of the prefecture close to this consultation. The centre can put you in touch with the people who solved it.',
  'gp.suggest.empty': 'No close story yet.',
  'gp.writeUp': 'Write it up as a good-practice story',
};
