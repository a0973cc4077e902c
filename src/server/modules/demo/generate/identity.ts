import { residentIdCheckChar } from '../../../../shared/identity';
import type { Gender } from './names';
import type { Rng } from './prng';

/** Issues synthetic resident IDs and phone numbers that are valid in form and unique in the data set. */
export class IdentityFactory {
  private readonly docNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  residentId(region: string, birthDate: string, gender: Gender): string {
    const date = birthDate.replaceAll('-', '');
    for (;;) {
      // Sequence: two digits for the registering police station, then a digit whose parity is the gender.
      const parity = gender === 'male' ? 1 : 0;
      const sequence = `${String(this.rng.int(0, 99)).padStart(2, '0')}${this.rng.int(0, 4) * 2 + parity}`;
      const first17 = `${region}${date}${sequence}`;
      const id = `${first17}${residentIdCheckChar(first17)}`;
      if (!this.docNumbers.has(id)) {
        this.docNumbers.add(id);
        return id;
      }
    }
  }

  mobile(): string {
    return this.unique(() => `${this.rng.pick(MOBILE_PREFIXES)}${this.digits(8)}`);
  }

  /** Beijing landline; many elderly people still give their home phone instead of a mobile. */
  landline(): string {
    return this.unique(() => `010-6${this.digits(7)}`);
  }

  private unique(make: () => string): string {
    for (;;) {
      const phone = make();
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.rng.int(0, 9));
    return out;
  }
}

// Prefixes of the three carriers' common number ranges; parsePhone accepts any 1[3-9]x.
const MOBILE_PREFIXES: readonly string[] = [
  ...'130 131 132 133 135 136 137 138 139 150 151 152 153 155 156'.split(' '),
  ...'157 158 159 176 177 180 181 185 186 187 188 189 191 199'.split(' '),
];
