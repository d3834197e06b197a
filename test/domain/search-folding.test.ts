// The search folding: accents, case and the Vietnamese đ fold away, so "dien" finds "điện" and "hoa binh" finds "Hòa Bình".
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '#domain/text/search-folding.ts';

describe('search folding', () => {
  it('folds accents, case and đ/Đ', () => {
    expect(foldForSearch('Nhà máy Điện gió Hòa Bình')).toBe('nha may dien gio hoa binh');
    expect(foldForSearch('Đạm Cà Mau')).toBe('dam ca mau');
  });

  it('folds precomposed and decomposed text alike', () => {
    expect(foldForSearch('điện'.normalize('NFC'))).toBe(foldForSearch('điện'.normalize('NFD')));
  });

  it('matches when every word of the query occurs, in any order, either side accented or not', () => {
    expect(matchesSearch('Nhà máy điện Cà Mau 1', 'dien')).toBe(true);
    expect(matchesSearch('Nhà máy điện Cà Mau 1', 'ĐIỆN')).toBe(true);
    expect(matchesSearch('Nha may dien Ca Mau 1', 'điện')).toBe(true);
    expect(matchesSearch('Nhà máy điện gió Hòa Bình 1', 'binh hoa')).toBe(true);
    expect(matchesSearch('Nhà máy điện gió Hòa Bình 1', 'hoa trung')).toBe(false);
  });

  it('matches everything with an empty or blank query', () => {
    expect(matchesSearch('Cảng Năm Căn', '')).toBe(true);
    expect(matchesSearch('Cảng Năm Căn', '   ')).toBe(true);
  });

  it('leaves scripts without accents as they are', () => {
    expect(matchesSearch('カマウ肥料工場', '肥料')).toBe(true);
    expect(matchesSearch('مصنع كا ماو للأسمدة', 'للأسمدة')).toBe(true);
  });
});
