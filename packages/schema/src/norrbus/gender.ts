import { CHILD_GENDERS, type ChildGender } from '@samverka/domain';
import { builder } from '../builder.js';
import { enumValues } from '../enum-values.js';

/**
 * Flickor, pojkar, annan könsidentitet: the breakdown Norrbus follows up by (its gender-equality
 * goal). The values are the domain's child genders, so a young person and a placed child count alike.
 */
export const NorrbusGenderEnum = builder.enumType('NorrbusGender', {
  description: 'Den unges kön (kön) i Norrbus uppföljning: flickor, pojkar och annan könsidentitet.',
  values: enumValues<ChildGender>(CHILD_GENDERS, {
    girl: 'Flicka.',
    boy: 'Pojke.',
    other: 'Annan könsidentitet.',
  }),
});
