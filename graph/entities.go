package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"sort"

	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// The entity index: what build resolves new mentions against (every
// entity's identifier, names and type). Finding it in Cayley's graph means
// reading every quad, since no key-value index starts with the predicate,
// and that grows with the archive (seconds per million quads). So the
// key-value stores keep it beside the graph, in buckets of their own:
//
//	newsgraph_entities/<entity id>  -> type, name and aliases
//	newsgraph/entities_stamp        -> Cayley's meta horizon and size
//
// Store.Write adds the entities of each batch after the batch is
// committed, and stamps the index with the graph's state (its ID horizon
// and quad count, which every change moves). A stamp that does not match
// the graph (a crash between the two transactions, an import, a write by
// the server or by an older newsgraph) makes the next Entities read the
// graph again and rewrite the index. Deleting quads (retracting or
// replacing an article) invalidates it too, since an entity may have gone
// with them.
//
// The SQL stores need no copy: their predicate index finds the name and
// type quads directly.
var (
	entityBucket = []byte("newsgraph_entities")
	ngBucket     = []byte("newsgraph")
	stampKey     = hkv.Key{ngBucket, []byte("entities_stamp")}
)

// stampVersion changes when the index's encoding does.
const stampVersion = 1

// entityCache is the state of the persisted index in this process.
type entityCache struct {
	// valid is set once the index is known to match the graph (loaded or
	// rebuilt), and cleared when quads are deleted; Write maintains the
	// index only while it is set.
	valid bool
}

// Entities lists the entities the store knows (their IRIs' local names as
// IDs, names, aliases and types), sorted by ID, for resolving new mentions
// against them.
func (s *Store) Entities() ([]newsgraph.Entity, error) {
	if s.db != nil {
		if list, ok, err := s.loadEntityIndex(); err != nil {
			return nil, fmt.Errorf("read entities from %s: %w", s.loc, err)
		} else if ok {
			return list, nil
		}
	}
	list, err := s.scanEntities()
	if err != nil {
		return nil, fmt.Errorf("read entities from %s: %w", s.loc, err)
	}
	if s.db != nil && !s.ro {
		if err := s.saveEntityIndex(list); err != nil {
			return nil, fmt.Errorf("write entity index of %s: %w", s.loc, err)
		}
	}
	return list, nil
}

// entitySet gathers entities from name and type quads.
type entitySet struct {
	byIRI map[quad.IRI]*entityRec
}

type entityRec struct {
	e       newsgraph.Entity
	aliases map[string]bool
}

func newEntitySet() *entitySet { return &entitySet{byIRI: map[quad.IRI]*entityRec{}} }

func (set *entitySet) get(v quad.Value) *entityRec {
	iri, ok := v.(quad.IRI)
	if !ok || len(iri) <= len(schema.EntityNS) || string(iri[:len(schema.EntityNS)]) != schema.EntityNS {
		return nil
	}
	r := set.byIRI[iri]
	if r == nil {
		r = &entityRec{e: newsgraph.Entity{ID: entityID(iri)}, aliases: map[string]bool{}}
		set.byIRI[iri] = r
	}
	return r
}

// add takes in one quad; quads of other predicates are ignored.
func (set *entitySet) add(q quad.Quad) {
	switch q.Predicate {
	case schema.Name, schema.AlternateName:
		if r := set.get(q.Subject); r != nil {
			name, _ := q.Object.(quad.String)
			r.addName(string(name), q.Predicate == schema.Name)
		}
	case schema.Type:
		if r := set.get(q.Subject); r != nil {
			if t, ok := q.Object.(quad.IRI); ok {
				r.addType(schema.LocalName(t))
			}
		}
	}
}

func (r *entityRec) addName(name string, canonical bool) {
	if canonical && r.e.Name == "" {
		r.e.Name = name
	}
	if !r.aliases[name] {
		r.aliases[name] = true
		r.e.Aliases = append(r.e.Aliases, name)
	}
}

// addType keeps the first type that is not the generic Place.
func (r *entityRec) addType(typ string) {
	if r.e.Type == "" || r.e.Type == newsgraph.Place {
		r.e.Type = typ
	}
}

func (set *entitySet) list() []newsgraph.Entity {
	out := make([]newsgraph.Entity, 0, len(set.byIRI))
	for _, r := range set.byIRI {
		sort.Strings(r.e.Aliases)
		out = append(out, r.e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// scanEntities reads the entities from the graph: on the SQL stores by
// their predicates (an index), elsewhere by reading every quad.
func (s *Store) scanEntities() ([]newsgraph.Entity, error) {
	set := newEntitySet()
	if isSQL(s.loc.Backend) {
		sh := shape.FilterQuads(nil, []quad.Value{schema.Name, schema.AlternateName, schema.Type}, nil, nil)
		if err := s.eachShape(sh, func(q quad.Quad) error { set.add(q); return nil }); err != nil {
			return nil, err
		}
		return set.list(), nil
	}
	err := s.eachQuad(pattern{}, func(q quad.Quad) error {
		set.add(q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return set.list(), nil
}

// graphStamp is the graph's state as Cayley's key-value store records
// it: its ID horizon and its quad count.
func graphStamp(tx hkv.Tx) ([]byte, error) {
	stamp := []byte{stampVersion}
	for _, k := range []string{"horizon", "size"} {
		v, err := tx.Get(bg, hkv.Key{[]byte("meta"), []byte(k)})
		if err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return nil, err
		}
		stamp = binary.AppendUvarint(stamp, uint64(len(v)))
		stamp = append(stamp, v...)
	}
	return stamp, nil
}

// loadEntityIndex reads the persisted index when its stamp matches the
// graph; ok is false when there is none or it is out of date.
func (s *Store) loadEntityIndex() (list []newsgraph.Entity, ok bool, err error) {
	err = hkv.View(bg, s.db, func(tx hkv.Tx) error {
		have, err := tx.Get(bg, stampKey)
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		want, err := graphStamp(tx)
		if err != nil || !bytes.Equal(have, want) {
			return err
		}
		list = list[:0]
		err = hkv.Each(bg, tx, func(k hkv.Key, v hkv.Value) error {
			if len(k) != 2 || len(k[1]) == 0 {
				return nil
			}
			e, err := decodeEntity(string(k[1]), v)
			if err != nil {
				return err
			}
			list = append(list, e)
			return nil
		}, options.WithPrefixKV(hkv.Key{entityBucket}))
		if err != nil {
			return err
		}
		ok = true
		return nil
	})
	if err != nil || !ok {
		return nil, false, err
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	s.ents.valid = !s.ro
	return list, true, nil
}

// saveEntityIndex replaces the persisted index with list, stamped with the
// graph's current state.
func (s *Store) saveEntityIndex(list []newsgraph.Entity) error {
	err := hkv.Update(bg, s.db, func(tx hkv.Tx) error {
		if err := tx.Del(bg, stampKey); err != nil {
			return err
		}
		var old []hkv.Key
		err := hkv.Each(bg, tx, func(k hkv.Key, _ hkv.Value) error {
			if len(k) == 2 && len(k[1]) != 0 {
				old = append(old, k.Clone())
			}
			return nil
		}, options.WithPrefixKV(hkv.Key{entityBucket}))
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := tx.Del(bg, k); err != nil {
				return err
			}
		}
		for i := range list {
			if err := tx.Put(bg, hkv.Key{entityBucket, []byte(list[i].ID)}, encodeEntity(&list[i])); err != nil {
				return err
			}
		}
		return s.stamp(tx)
	})
	if err != nil {
		return err
	}
	s.ents.valid = true
	return nil
}

func (s *Store) stamp(tx hkv.Tx) error {
	st, err := graphStamp(tx)
	if err != nil {
		return err
	}
	return tx.Put(bg, stampKey, st)
}

// indexEntities adds the entities named in quads just written to the
// persisted index, and stamps it. It is a no-op unless the index is known
// to be current.
func (s *Store) indexEntities(quads []quad.Quad) error {
	if s.db == nil || !s.ents.valid {
		return nil
	}
	set := newEntitySet()
	for _, q := range quads {
		set.add(q)
	}
	err := hkv.Update(bg, s.db, func(tx hkv.Tx) error {
		for _, r := range set.byIRI {
			key := hkv.Key{entityBucket, []byte(r.e.ID)}
			v, err := tx.Get(bg, key)
			if err != nil && !errors.Is(err, hkv.ErrNotFound) {
				return err
			}
			if err == nil {
				// Known: its name and type stay first, new names are added.
				old, err := decodeEntity(r.e.ID, v)
				if err != nil {
					return err
				}
				merged := &entityRec{e: old, aliases: map[string]bool{}}
				for _, a := range old.Aliases {
					merged.aliases[a] = true
				}
				if r.e.Name != "" {
					merged.addName(r.e.Name, true)
				}
				for _, a := range r.e.Aliases {
					merged.addName(a, false)
				}
				if r.e.Type != "" {
					merged.addType(r.e.Type)
				}
				if len(merged.e.Aliases) == len(old.Aliases) && merged.e.Name == old.Name && merged.e.Type == old.Type {
					continue
				}
				r = merged
			}
			sort.Strings(r.e.Aliases)
			if err := tx.Put(bg, key, encodeEntity(&r.e)); err != nil {
				return err
			}
		}
		return s.stamp(tx)
	})
	if err != nil {
		s.ents.valid = false
		return fmt.Errorf("update entity index of %s: %w", s.loc, err)
	}
	return nil
}

// invalidateEntities marks the persisted index out of date: the next
// Entities reads the graph again.
func (s *Store) invalidateEntities() error {
	if s.db == nil {
		return nil
	}
	s.ents.valid = false
	return hkv.Update(bg, s.db, func(tx hkv.Tx) error { return tx.Del(bg, stampKey) })
}

// encodeEntity writes type, name and aliases as length-prefixed strings.
func encodeEntity(e *newsgraph.Entity) []byte {
	var b []byte
	put := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	put(e.Type)
	put(e.Name)
	for _, a := range e.Aliases {
		put(a)
	}
	return b
}

func decodeEntity(id string, b []byte) (newsgraph.Entity, error) {
	e := newsgraph.Entity{ID: id}
	var parts []string
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return e, fmt.Errorf("entity index: bad record for %q", id)
		}
		parts = append(parts, string(b[k:k+int(n)]))
		b = b[k+int(n):]
	}
	if len(parts) < 2 {
		return e, fmt.Errorf("entity index: short record for %q", id)
	}
	e.Type, e.Name = parts[0], parts[1]
	if len(parts) > 2 {
		e.Aliases = parts[2:]
	}
	return e, nil
}

// entityID is the identifier an entity IRI was made of: the inverse of
// schema.EntityIRI, which escapes characters such as '"', '#', '%' and
// '/'. (Taking the escaped form as the identifier would escape it again
// on the next build: "AT%23T" would become "AT%2523T", another entity.)
func entityID(iri quad.IRI) string {
	s := string(iri[len(schema.EntityNS):])
	if id, err := url.PathUnescape(s); err == nil {
		return id
	}
	return s
}
